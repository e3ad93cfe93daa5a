import { mkdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

/** The SQLite file, created with its folder, set up so that an acknowledged write survives. */
export function openSqliteFile(file: string): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true })
  const database = new Database(file)
  // WAL: readers never wait for the writer, and a commit is one append to the log.
  database.pragma('journal_mode = WAL')
  // FULL: each commit is fsynced before it returns. NORMAL with WAL would already survive a
  // kill -9 (the log is in the OS's hands once written), but not a power cut or kernel panic,
  // which could undo the last requests acknowledged to visitors. Requests are few; the fsync
  // costs a millisecond or so each, which they can afford.
  database.pragma('synchronous = FULL')
  // SQLite leaves foreign keys off by default; the cascades of the schema need them.
  database.pragma('foreign_keys = ON')
  // Another process (a second server, npm run migrate) may hold the write lock for a moment.
  database.pragma('busy_timeout = 5000')
  return database
}

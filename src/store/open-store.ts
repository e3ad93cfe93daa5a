import path from 'node:path'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import { packageRoot } from '../config/paths.js'
import { openSqliteFile } from './open-sqlite.js'
import type { StoreDatabase } from './schema.js'

export const defaultSqlitePath = path.join(packageRoot, 'data', 'requests.sqlite')

export interface StoreOptions {
  /** A postgres:// URL (DATABASE_URL): PostgreSQL through a pool. Otherwise SQLite. */
  readonly databaseUrl?: string | undefined
  /** The SQLite file when there is no databaseUrl; data/requests.sqlite by default. */
  readonly sqlitePath?: string | undefined
  /** Connections in the PostgreSQL pool. */
  readonly poolSize?: number | undefined
}

export interface Store {
  readonly db: Kysely<StoreDatabase>
  readonly dialect: 'sqlite' | 'postgres'
  /** Ends every connection; the store cannot be used after. */
  close(): Promise<void>
}

/** The records' database: SQLite in a file by default, PostgreSQL when a URL is given. */
export function openStore(options: StoreOptions = {}): Store {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 })
    // An idle connection that the server drops must not end the process; the next query
    // gets a fresh connection, or the error.
    pool.on('error', () => {})
    const db = new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) })
    return { db, dialect: 'postgres', close: () => db.destroy() }
  }
  const database = openSqliteFile(options.sqlitePath ?? defaultSqlitePath)
  const db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database }) })
  return {
    db,
    dialect: 'sqlite',
    // Kysely closes the file only if it ever ran a query; closing twice is harmless.
    close: async () => {
      await db.destroy()
      if (database.open) database.close()
    },
  }
}

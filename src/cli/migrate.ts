// npm run migrate: brings the records' database up to date, SQLite in DATA_DIR (data/) or DATABASE_URL.

import path from 'node:path'
import { parseDatabaseUrl } from '../config/database-url.js'
import { dataDirFrom } from '../config/environment.js'
import { displayPath } from '../config/paths.js'
import { migrateToLatest } from '../store/migrate.js'
import { openStore } from '../store/open-store.js'

/** One line a person can act on: the database's own message, or what failed to connect. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT') {
    return `cannot connect to the database in DATABASE_URL (${code})`
  }
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0] ?? message
}

let store: ReturnType<typeof openStore> | undefined
try {
  const databaseUrl = parseDatabaseUrl(process.env.DATABASE_URL)
  const sqlitePath = path.join(dataDirFrom(process.env), 'requests.sqlite')
  store = openStore({ databaseUrl, sqlitePath })
  const where = databaseUrl ? `PostgreSQL (${new URL(databaseUrl).host})` : displayPath(sqlitePath)
  const applied = await migrateToLatest(store.db)
  if (applied.length === 0) console.log(`${where}: up to date, nothing to apply`)
  for (const name of applied) console.log(`${where}: applied ${name}`)
} catch (error) {
  // AggregateError (every address refused) keeps the useful code on its first error.
  const cause = (error as { cause?: unknown }).cause ?? error
  const first = cause instanceof AggregateError ? (cause.errors[0] ?? cause) : cause
  console.error(`npm run migrate: ${reasonOf(first)}`)
  process.exitCode = 1
} finally {
  await store?.close()
}

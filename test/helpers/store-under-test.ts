import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { migrateToLatest } from '../../src/store/migrate.js'
import { openStore, type Store, type StoreOptions } from '../../src/store/open-store.js'
import { sealingKeyFrom } from '../../src/store/sealed-payload.js'
import { type PostgresServer, postgresAvailable, startPostgres } from './postgres-server.js'

export type StoreKind = 'sqlite' | 'postgres'

/** The databases the store's tests run on: both, or SQLite alone where PostgreSQL is missing. */
export function storeKinds(): StoreKind[] {
  return postgresAvailable() ? ['sqlite', 'postgres'] : ['sqlite']
}

export const testSealingKey = sealingKeyFrom('the sealing secret of the store tests, 32+ chars')

export interface StoreUnderTest {
  /** The open store, migrated, emptied before each test. */
  store(): Store
  /** The options that open the same database again, as another process would. */
  options(): StoreOptions
  /** Closes the store and opens the same database again. */
  reopen(): Promise<Store>
  /** How long the database took to start, in ms (PostgreSQL's initdb and start; 0 for SQLite). */
  startMs(): number
}

/**
 * A store of the given kind for the tests of one describe block: SQLite in a temporary folder,
 * or a PostgreSQL of its own, started before the block and removed after.
 */
export function useStore(kind: StoreKind): StoreUnderTest {
  let dir: string | undefined
  let server: PostgresServer | undefined
  let options: StoreOptions = {}
  let store: Store | undefined
  const open = async () => {
    store = openStore(options)
    await migrateToLatest(store.db)
    return store
  }

  beforeAll(async () => {
    if (kind === 'postgres') {
      server = await startPostgres()
      options = { databaseUrl: server.url }
    } else {
      dir = mkdtempSync(path.join(tmpdir(), 'store-sqlite-'))
      options = { sqlitePath: path.join(dir, 'requests.sqlite') }
    }
    await open()
  })
  beforeEach(async () => {
    const db = store?.db
    if (!db) return
    // audit_events is append-only, even here: tests of the trail keep to their own events.
    await db.deleteFrom('request_notes').execute()
    await db.deleteFrom('staff_sessions').execute()
    await db.deleteFrom('staff_accounts').execute()
    await db.deleteFrom('mail_outbox').execute()
    await db.deleteFrom('request_messages').execute()
    await db.deleteFrom('privacy_requests').execute()
    await db.deleteFrom('request_limits').execute()
  })
  afterAll(async () => {
    await store?.close()
    await server?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  return {
    store: () => {
      if (!store) throw new Error('the store opens in beforeAll')
      return store
    },
    options: () => options,
    reopen: async () => {
      await store?.close()
      return open()
    },
    startMs: () => server?.startMs ?? 0,
  }
}

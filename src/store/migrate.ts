import type { Kysely } from 'kysely'
import { Migrator } from 'kysely/migration'
import { migrationProvider } from './migration-list.js'
import type { StoreDatabase } from './schema.js'

/** Applies every migration not applied yet; resolves to the names applied, in order. */
export async function migrateToLatest(db: Kysely<StoreDatabase>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(failed ? `migration ${failed.migrationName} failed: ${reason}` : reason, {
      cause: error,
    })
  }
  return results.map((result) => result.migrationName)
}

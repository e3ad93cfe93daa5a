import type { Config } from '../config/environment.js'
import { migrateToLatest } from '../store/migrate.js'
import { openStore, type Store } from '../store/open-store.js'
import { type RequestSecrets, requestSecretsFrom } from './request-secrets.js'

/** The records' database, brought up to date, with the keys its rows are sealed and counted with. */
export interface RequestRecords extends RequestSecrets {
  readonly store: Store
}

/** Opens the store of DATABASE_URL or the SQLite file and applies the migrations it lacks. */
export async function openRequestRecords(
  config: Pick<Config, 'env' | 'requestsSecret' | 'databaseUrl'>,
  options: { readonly sqlitePath?: string } = {},
): Promise<RequestRecords> {
  const secrets = requestSecretsFrom(config)
  const store = openStore({ databaseUrl: config.databaseUrl, sqlitePath: options.sqlitePath })
  try {
    await migrateToLatest(store.db)
  } catch (error) {
    await store.close()
    throw error
  }
  return { store, ...secrets }
}

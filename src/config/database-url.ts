import { ConfigError } from './config-error.js'

/**
 * DATABASE_URL: a postgres:// or postgresql:// URL for the records, or undefined for the SQLite
 * file. A mistyped scheme stops here, rather than quietly keeping requests in SQLite.
 */
export function parseDatabaseUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError('DATABASE_URL must be a URL such as postgres://user@host:5432/personvern')
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(
      `DATABASE_URL must start with postgres:// or postgresql://, not ${url.protocol}//`,
    )
  }
  return value
}

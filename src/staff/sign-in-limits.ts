import type { Kysely } from 'kysely'
import { limitKey } from '../store/limit-key.js'
import { countAndLimit, type LimitCount } from '../store/request-limits.js'
import type { StoreDatabase } from '../store/schema.js'

export const signInWindowMs = 15 * 60_000
export const signInsPerWindow = 20

/**
 * Counts one sign-in attempt from a client address, whatever the account: it slows one client
 * trying many accounts, which the lockout of each account alone would not.
 */
export function countSignInAttempt(
  db: Kysely<StoreDatabase>,
  clientAddress: string,
  secret: Buffer,
  now: Date,
): Promise<LimitCount> {
  const key = limitKey('signin-client', clientAddress, secret)
  return countAndLimit(db, key, signInWindowMs, signInsPerWindow, now)
}

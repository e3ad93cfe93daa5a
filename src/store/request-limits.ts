import type { Kysely } from 'kysely'
import type { StoreDatabase } from './schema.js'

export interface LimitCount {
  /** Requests counted for the key in the current window, this one included. */
  readonly count: number
  /** True once the count passes the maximum: refuse this request. */
  readonly limited: boolean
  /** When the window ends and the count starts again from nothing. */
  readonly resetsAt: Date
}

/**
 * Counts one more request for a key (a client, an email address) in a fixed window and says
 * whether it is over the limit. One upsert, so the count is exact however many processes ask
 * at once, on SQLite as on PostgreSQL: each caller gets the count its own increment made.
 */
export async function countAndLimit(
  db: Kysely<StoreDatabase>,
  key: string,
  windowMs: number,
  max: number,
  now: Date,
): Promise<LimitCount> {
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs
  const windowStartText = new Date(windowStart).toISOString()
  const row = await db
    .insertInto('request_limits')
    .values({ key, window_start: windowStartText, count: 1 })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet((eb) => ({
        // A row left from an earlier window starts again at one.
        count: eb
          .case()
          .when('request_limits.window_start', '=', eb.ref('excluded.window_start'))
          .then(eb('request_limits.count', '+', 1))
          .else(1)
          .end(),
        window_start: eb.ref('excluded.window_start'),
      })),
    )
    .returning('count')
    .executeTakeFirstOrThrow()
  return { count: row.count, limited: row.count > max, resetsAt: new Date(windowStart + windowMs) }
}

/** Forgets the counts of windows that ended before an instant: they limit nothing any more. */
export async function deleteLimitsBefore(db: Kysely<StoreDatabase>, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('request_limits')
    .where('window_start', '<', before.toISOString())
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

import type { Kysely } from 'kysely'
import type { StoreDatabase } from './schema.js'

/** How long a request nobody confirmed is kept: the link is dead after a day, the rest is slack. */
export const unconfirmedRetentionMs = 7 * 24 * 60 * 60_000

/**
 * Deletes requests never confirmed and received longer ago than the retention (7 days), with
 * their mails; resolves to how many requests went.
 */
export async function deleteUnconfirmedOlderThan(
  db: Kysely<StoreDatabase>,
  now: Date,
  retentionMs = unconfirmedRetentionMs,
): Promise<number> {
  const result = await db
    .deleteFrom('privacy_requests')
    .where('status', '=', 'received')
    .where('received_at', '<', new Date(now.getTime() - retentionMs).toISOString())
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** The instant some calendar months before another (UTC; the 31st goes to the month's end). */
export function monthsBefore(now: Date, months: number): Date {
  const earlier = new Date(now)
  const day = earlier.getUTCDate()
  earlier.setUTCDate(1)
  earlier.setUTCMonth(earlier.getUTCMonth() - months)
  const daysInMonth = new Date(
    Date.UTC(earlier.getUTCFullYear(), earlier.getUTCMonth() + 1, 0),
  ).getUTCDate()
  earlier.setUTCDate(Math.min(day, daysInMonth))
  return earlier
}

/**
 * Deletes requests closed (completed or refused) more than some months ago, with their
 * messages and mails; resolves to how many requests went.
 */
export async function deleteClosedOlderThan(
  db: Kysely<StoreDatabase>,
  now: Date,
  months: number,
): Promise<number> {
  const result = await db
    .deleteFrom('privacy_requests')
    .where('closed_at', 'is not', null)
    .where('closed_at', '<', monthsBefore(now, months).toISOString())
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

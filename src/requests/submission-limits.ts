import type { Kysely } from 'kysely'
import { limitKey } from '../store/limit-key.js'
import { countAndLimit } from '../store/request-limits.js'
import type { StoreDatabase } from '../store/schema.js'

/**
 * How many requests may be sent in a window: from one client (an office shares one address),
 * and to one email address (a stranger's inbox must not be flooded with confirmation mails).
 * Counted in the store, so they hold across processes.
 */
export const submissionLimits = {
  client: { max: 10, windowMs: 60 * 60_000 },
  email: { max: 3, windowMs: 60 * 60_000 },
} as const

export interface SubmissionLimit {
  readonly limited: boolean
  /** When the window that is full ends. */
  readonly retryAt: Date
}

/** Counts one more request for the client and the email address; limited if either is full. */
export async function countSubmission(
  db: Kysely<StoreDatabase>,
  who: { readonly client: string; readonly email: string },
  secret: Buffer,
  now: Date,
): Promise<SubmissionLimit> {
  const counts = await Promise.all(
    (['client', 'email'] as const).map((scope) =>
      countAndLimit(
        db,
        limitKey(scope, who[scope], secret),
        submissionLimits[scope].windowMs,
        submissionLimits[scope].max,
        now,
      ),
    ),
  )
  const full = counts.filter((count) => count.limited)
  return {
    limited: full.length > 0,
    retryAt: new Date(Math.max(now.getTime(), ...full.map((count) => count.resetsAt.getTime()))),
  }
}

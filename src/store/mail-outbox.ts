import type { Kysely } from 'kysely'
import { retryDelayMs } from './retry-delay.js'
import type { StoreDatabase } from './schema.js'

/** How long a mail handed to a sender is kept from others, in case the sender dies mid-way. */
export const sendingLeaseMs = 5 * 60_000

export interface OutboxMail {
  readonly id: string
  readonly requestId: string | null
  readonly recipient: string
  readonly language: string
  readonly template: string
  readonly payload: unknown
  /** Failed attempts so far. */
  readonly attempts: number
}

/**
 * The mails due to be sent, oldest first, each claimed for a while (sendingLeaseMs) so that
 * another process asking at the same moment does not send it too. A mail neither marked sent
 * nor failed by then (its sender was killed) is due again.
 */
export async function nextDueMails(
  db: Kysely<StoreDatabase>,
  now: Date,
  limit: number,
): Promise<OutboxMail[]> {
  const due = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute()
  const claimed: OutboxMail[] = []
  for (const mail of due) {
    // Claimed only if nobody moved its next attempt since we read it.
    const result = await db
      .updateTable('mail_outbox')
      .set({ next_attempt_at: new Date(now.getTime() + sendingLeaseMs).toISOString() })
      .where('id', '=', mail.id)
      .where('sent_at', 'is', null)
      .where('next_attempt_at', '=', mail.next_attempt_at)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) continue
    claimed.push({
      id: mail.id,
      requestId: mail.request_id,
      recipient: mail.recipient,
      language: mail.language,
      template: mail.template,
      payload: JSON.parse(mail.payload),
      attempts: mail.attempts,
    })
  }
  return claimed
}

export async function markSent(db: Kysely<StoreDatabase>, id: string, now: Date): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ sent_at: now.toISOString(), last_error: null })
    .where('id', '=', id)
    .execute()
}

/** Records a failed attempt and when to try again (see retry-delay.ts); resolves to that time. */
export async function markFailed(
  db: Kysely<StoreDatabase>,
  id: string,
  error: string,
  now: Date,
): Promise<Date> {
  return db.transaction().execute(async (trx) => {
    // The increment is made by the database and locks the row on PostgreSQL until the end of
    // the transaction, so two failures reported at once count twice.
    const { attempts } = await trx
      .updateTable('mail_outbox')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        // A mail server's answer is enough to tell what went wrong; keep it short.
        last_error: error.slice(0, 500),
      }))
      .where('id', '=', id)
      .returning('attempts')
      .executeTakeFirstOrThrow()
    const nextAttempt = new Date(now.getTime() + retryDelayMs(attempts))
    await trx
      .updateTable('mail_outbox')
      .set({ next_attempt_at: nextAttempt.toISOString() })
      .where('id', '=', id)
      .execute()
    return nextAttempt
  })
}

/** A time no retry reaches: the mail stays in the outbox, unsent, with why, for staff to see. */
const never = '9999-12-31T23:59:59.999Z'

/** Gives a mail up: the server refused it for good (a 5xx, a bad address), so no retry is due. */
export async function markAbandoned(
  db: Kysely<StoreDatabase>,
  id: string,
  error: string,
): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: error.slice(0, 500),
      next_attempt_at: never,
    }))
    .where('id', '=', id)
    .execute()
}

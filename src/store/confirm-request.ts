import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { StoreDatabase } from './schema.js'
import { seal } from './sealed-payload.js'
import { newToken, sameHash, tokenHash } from './store-tokens.js'

/** How long the link in the first mail confirms a request. */
export const confirmValidityMs = 24 * 60 * 60_000

/** The template of the mail sent once the address is confirmed, with the status page's link. */
export const receivedMailTemplate = 'request-received'

/** What the secrets sealed in the received mail's payload hold. */
export interface ReceivedMailSecrets {
  readonly statusToken: string
}

export type ConfirmOutcome =
  | {
      readonly outcome: 'confirmed'
      readonly reference: string
      readonly language: string
      /** A new token for the status page, for the visitor's browser and the second mail. */
      readonly statusToken: string
    }
  | { readonly outcome: 'expired' }
  | { readonly outcome: 'not-found' }

/** A request whose confirmation link is valid now, without using the link up. */
export async function confirmableRequest(
  db: Kysely<StoreDatabase>,
  token: string,
  now: Date,
): Promise<'valid' | 'expired' | 'not-found'> {
  const hash = tokenHash(token)
  const found = await db
    .selectFrom('privacy_requests')
    .select(['confirm_token_hash', 'confirm_expires_at'])
    .where('confirm_token_hash', '=', hash)
    .executeTakeFirst()
  if (!found?.confirm_token_hash || !sameHash(found.confirm_token_hash, hash)) return 'not-found'
  if (!found.confirm_expires_at || found.confirm_expires_at <= now.toISOString()) return 'expired'
  return 'valid'
}

/**
 * Confirms the request a link's token belongs to; a token works once, for 24 hours. In the same
 * transaction the status page gets a new token, and the mail that carries it is queued: a
 * confirmed request always has its second mail.
 */
export async function confirmRequest(
  db: Kysely<StoreDatabase>,
  token: string,
  now: Date,
  options: { readonly sealingKey: Buffer },
): Promise<ConfirmOutcome> {
  const hash = tokenHash(token)
  const found = await db
    .selectFrom('privacy_requests')
    .select(['id', 'reference', 'language', 'email', 'due_at', 'confirm_token_hash'])
    .select('confirm_expires_at')
    .where('confirm_token_hash', '=', hash)
    .executeTakeFirst()
  if (!found?.confirm_token_hash || !sameHash(found.confirm_token_hash, hash)) {
    return { outcome: 'not-found' }
  }
  if (!found.confirm_expires_at || found.confirm_expires_at <= now.toISOString()) {
    return { outcome: 'expired' }
  }
  const statusToken = newToken()
  const secrets: ReceivedMailSecrets = { statusToken }
  const confirmed = await db.transaction().execute(async (trx) => {
    // The hash in the condition makes the update the single use: of two clicks at once, one
    // updates the row and the other finds the hash gone.
    const updated = await trx
      .updateTable('privacy_requests')
      .set({
        status: 'confirmed',
        confirmed_at: now.toISOString(),
        confirm_token_hash: null,
        confirm_expires_at: null,
        status_token_hash: tokenHash(statusToken),
      })
      .where('id', '=', found.id)
      .where('confirm_token_hash', '=', hash)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) return false
    await trx
      .insertInto('mail_outbox')
      .values({
        id: randomUUID(),
        request_id: found.id,
        recipient: found.email,
        language: found.language,
        template: receivedMailTemplate,
        payload: JSON.stringify({
          reference: found.reference,
          dueAt: found.due_at,
          secrets: seal(JSON.stringify(secrets), options.sealingKey),
        }),
        attempts: 0,
        next_attempt_at: now.toISOString(),
        created_at: now.toISOString(),
      })
      .execute()
    return true
  })
  if (!confirmed) return { outcome: 'not-found' }
  return {
    outcome: 'confirmed',
    reference: found.reference,
    language: found.language,
    statusToken,
  }
}

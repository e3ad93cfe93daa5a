import type { Kysely } from 'kysely'
import type { StoreDatabase } from './schema.js'
import { sameHash, tokenHash } from './store-tokens.js'

/** How long the link in the first mail confirms a request. */
export const confirmValidityMs = 24 * 60 * 60_000

export type ConfirmOutcome =
  | { readonly outcome: 'confirmed'; readonly reference: string }
  | { readonly outcome: 'expired' }
  | { readonly outcome: 'not-found' }

/** Confirms the request a link's token belongs to; a token works once, for 24 hours. */
export async function confirmRequest(
  db: Kysely<StoreDatabase>,
  token: string,
  now: Date,
): Promise<ConfirmOutcome> {
  const hash = tokenHash(token)
  const found = await db
    .selectFrom('privacy_requests')
    .select(['id', 'reference', 'confirm_token_hash', 'confirm_expires_at'])
    .where('confirm_token_hash', '=', hash)
    .executeTakeFirst()
  if (!found?.confirm_token_hash || !sameHash(found.confirm_token_hash, hash)) {
    return { outcome: 'not-found' }
  }
  if (!found.confirm_expires_at || found.confirm_expires_at <= now.toISOString()) {
    return { outcome: 'expired' }
  }
  // The hash in the condition makes the update the single use: of two clicks at once, one
  // updates the row and the other finds the hash gone.
  const updated = await db
    .updateTable('privacy_requests')
    .set({
      status: 'confirmed',
      confirmed_at: now.toISOString(),
      confirm_token_hash: null,
      confirm_expires_at: null,
    })
    .where('id', '=', found.id)
    .where('confirm_token_hash', '=', hash)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1) return { outcome: 'not-found' }
  return { outcome: 'confirmed', reference: found.reference }
}

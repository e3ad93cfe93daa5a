import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { confirmValidityMs } from './confirm-request.js'
import { dueDateOf } from './due-date.js'
import type { RequestKind } from './request-kinds.js'
import { newRequestReference } from './request-reference.js'
import type { StoreDatabase } from './schema.js'
import { seal } from './sealed-payload.js'
import { newToken, tokenHash } from './store-tokens.js'
import { isUniqueViolation } from './unique-violation.js'

/** The template of the first mail, which asks the visitor to confirm their address. */
export const confirmMailTemplate = 'confirm-request'

export interface NewPrivacyRequest {
  readonly kind: RequestKind
  readonly language: string
  readonly name: string
  readonly email: string
  readonly details: string
  readonly customerReference?: string | null | undefined
}

export interface CreatedRequest {
  readonly reference: string
  /** For the link in the first mail; only its hash is stored. */
  readonly confirmToken: string
  /** For the visitor's status page; only its hash is stored. */
  readonly statusToken: string
}

/** What the secrets sealed in the first mail's payload hold. */
export interface ConfirmMailSecrets {
  readonly confirmToken: string
  readonly statusToken: string
}

/**
 * Keeps a new request and queues its first mail, both in one transaction: a request is never
 * kept without the mail that lets the visitor confirm it, nor a mail sent for a lost request.
 */
export async function createRequest(
  db: Kysely<StoreDatabase>,
  request: NewPrivacyRequest,
  options: { readonly now: Date; readonly sealingKey: Buffer },
): Promise<CreatedRequest> {
  const { now, sealingKey } = options
  const confirmToken = newToken()
  const statusToken = newToken()
  const secrets: ConfirmMailSecrets = { confirmToken, statusToken }
  // 40 random bits make a clash of references all but impossible; if one comes, draw again.
  for (let attempt = 1; ; attempt++) {
    const reference = newRequestReference()
    const id = randomUUID()
    try {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('privacy_requests')
          .values({
            id,
            reference,
            kind: request.kind,
            language: request.language,
            name: request.name,
            email: request.email,
            details: request.details,
            customer_reference: request.customerReference ?? null,
            status: 'received',
            received_at: now.toISOString(),
            due_at: dueDateOf(now).endsAt.toISOString(),
            confirm_token_hash: tokenHash(confirmToken),
            confirm_expires_at: new Date(now.getTime() + confirmValidityMs).toISOString(),
            status_token_hash: tokenHash(statusToken),
          })
          .execute()
        await trx
          .insertInto('mail_outbox')
          .values({
            id: randomUUID(),
            request_id: id,
            recipient: request.email,
            language: request.language,
            template: confirmMailTemplate,
            payload: JSON.stringify({
              reference,
              secrets: seal(JSON.stringify(secrets), sealingKey),
            }),
            attempts: 0,
            next_attempt_at: now.toISOString(),
            created_at: now.toISOString(),
          })
          .execute()
      })
      return { reference, confirmToken, statusToken }
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error
    }
  }
}

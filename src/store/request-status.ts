import type { Kysely } from 'kysely'
import type { RequestKind, RequestStatus } from './request-kinds.js'
import type { StoreDatabase } from './schema.js'
import { sameHash, tokenHash } from './store-tokens.js'

/** What the visitor's status page may show: no hashes, no contact details. */
export interface RequestStatusView {
  readonly reference: string
  readonly kind: RequestKind
  readonly language: string
  readonly status: RequestStatus
  readonly receivedAt: string
  readonly confirmedAt: string | null
  readonly dueAt: string
  readonly closedAt: string | null
  readonly messages: readonly { author: 'staff' | 'visitor'; body: string; sentAt: string }[]
}

/** The request a status token belongs to, with its messages oldest first; undefined if none. */
export async function findByStatusToken(
  db: Kysely<StoreDatabase>,
  token: string,
): Promise<RequestStatusView | undefined> {
  const hash = tokenHash(token)
  const row = await db
    .selectFrom('privacy_requests')
    .selectAll()
    .where('status_token_hash', '=', hash)
    .executeTakeFirst()
  if (!row || !sameHash(row.status_token_hash, hash)) return undefined
  const messages = await db
    .selectFrom('request_messages')
    .select(['author', 'body', 'sent_at'])
    .where('request_id', '=', row.id)
    .orderBy('sent_at')
    .orderBy('id')
    .execute()
  return {
    reference: row.reference,
    kind: row.kind,
    language: row.language,
    status: row.status,
    receivedAt: row.received_at,
    confirmedAt: row.confirmed_at,
    dueAt: row.due_at,
    closedAt: row.closed_at,
    messages: messages.map((message) => ({
      author: message.author,
      body: message.body,
      sentAt: message.sent_at,
    })),
  }
}

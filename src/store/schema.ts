import type { MessageAuthor, RequestKind, RequestStatus } from './request-kinds.js'

// Every timestamp is UTC ISO 8601 text from Date#toISOString(): the same on SQLite and
// PostgreSQL, readable in either shell, and ordered correctly when compared as text.

export interface PrivacyRequestTable {
  id: string
  /** Shown to the visitor and quoted in mails, e.g. PR-7KQ2-X9M4. */
  reference: string
  kind: RequestKind
  language: string
  name: string
  email: string
  details: string
  customer_reference: string | null
  status: RequestStatus
  received_at: string
  confirmed_at: string | null
  due_at: string
  closed_at: string | null
  /** SHA-256 of the confirmation token, cleared once used: the token itself is never stored. */
  confirm_token_hash: string | null
  confirm_expires_at: string | null
  status_token_hash: string
}

export interface RequestMessageTable {
  id: string
  request_id: string
  author: MessageAuthor
  body: string
  sent_at: string
}

export interface MailOutboxTable {
  id: string
  request_id: string | null
  recipient: string
  language: string
  template: string
  /** JSON text; secrets in it are sealed (see sealed-payload.ts). */
  payload: string
  attempts: number
  next_attempt_at: string
  created_at: string
  sent_at: string | null
  last_error: string | null
}

export interface RequestLimitTable {
  key: string
  window_start: string
  count: number
}

export interface StoreDatabase {
  privacy_requests: PrivacyRequestTable
  request_messages: RequestMessageTable
  mail_outbox: MailOutboxTable
  request_limits: RequestLimitTable
}

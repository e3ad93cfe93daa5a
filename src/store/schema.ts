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
  /** The later deadline when staff extended it (GDPR art. 12(3)), with the reason given. */
  extended_due_at: string | null
  extension_reason: string | null
  refusal_reason: string | null
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

export interface StaffAccountTable {
  id: string
  /** Lower-case, unique. */
  email: string
  /** scrypt$N$r$p$salt$hash (see staff/password.ts). */
  password_hash: string
  created_at: string
  disabled_at: string | null
  /** Failed sign-ins in a row; a success sets it to 0. */
  failed_signins: number
  locked_until: string | null
}

export interface StaffSessionTable {
  /** SHA-256 of the session token: the token itself is never stored. */
  id_hash: string
  account_id: string
  csrf_token: string
  created_at: string
  last_seen_at: string
  /** The absolute end, whatever the activity. */
  expires_at: string
}

/** Append-only: the database refuses UPDATE and DELETE (migration 0002). */
export interface AuditEventTable {
  id: string
  at: string
  /** The staff account's id; null for the command line or an unknown sign-in. */
  actor: string | null
  /** Kept as text so the event still names the person when the account is gone. */
  actor_email: string | null
  action: string
  /** No foreign key: the event stays when the request is deleted. */
  request_id: string | null
  /** Short JSON text, never a request's contents. */
  details: string | null
}

export interface RequestNoteTable {
  id: string
  request_id: string
  author_id: string
  body: string
  created_at: string
}

export interface StoreDatabase {
  privacy_requests: PrivacyRequestTable
  request_messages: RequestMessageTable
  mail_outbox: MailOutboxTable
  request_limits: RequestLimitTable
  staff_accounts: StaffAccountTable
  staff_sessions: StaffSessionTable
  audit_events: AuditEventTable
  request_notes: RequestNoteTable
}

import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { StoreDatabase } from '../store/schema.js'
import type { AuditAction } from './audit-actions.js'

// Append-only: nothing here or anywhere else updates or deletes an event, and the database
// refuses to (triggers of migration 0002). Details say what was done, never what a request says.

export interface Actor {
  readonly id: string
  readonly email: string
}

export type AuditDetails = Readonly<Record<string, string | number | boolean | null>>

export interface NewAuditEvent {
  /** The staff member; null for the command line or a sign-in with an unknown address. */
  readonly actor: Actor | null
  readonly action: AuditAction
  readonly requestId?: string | undefined
  readonly details?: AuditDetails | undefined
  readonly at: Date
}

export interface AuditEvent {
  readonly id: string
  readonly at: string
  readonly actor: string | null
  readonly actorEmail: string | null
  readonly action: string
  readonly requestId: string | null
  readonly details: string | null
}

/** The longest details kept, as JSON: room for ids and reasons, not for texts. */
export const maxDetailsLength = 1000

export async function recordEvent(db: Kysely<StoreDatabase>, event: NewAuditEvent): Promise<void> {
  const details = event.details === undefined ? null : JSON.stringify(event.details)
  if (details !== null && details.length > maxDetailsLength) {
    throw new Error(`audit details longer than ${maxDetailsLength} characters`)
  }
  await db
    .insertInto('audit_events')
    .values({
      id: randomUUID(),
      at: event.at.toISOString(),
      actor: event.actor?.id ?? null,
      actor_email: event.actor?.email ?? null,
      action: event.action,
      request_id: event.requestId ?? null,
      details,
    })
    .execute()
}

function selectEvents(db: Kysely<StoreDatabase>) {
  return db
    .selectFrom('audit_events')
    .select([
      'id',
      'at',
      'actor',
      'actor_email as actorEmail',
      'action',
      'request_id as requestId',
      'details',
    ])
    .orderBy('at')
    .orderBy('id')
}

/** The events about one request, oldest first. */
export function eventsOf(db: Kysely<StoreDatabase>, requestId: string): Promise<AuditEvent[]> {
  return selectEvents(db).where('request_id', '=', requestId).execute()
}

/** Every event from `from` (included) to `to` (excluded), oldest first. */
export function allEvents(
  db: Kysely<StoreDatabase>,
  range: { readonly from?: Date; readonly to?: Date } = {},
): Promise<AuditEvent[]> {
  let query = selectEvents(db)
  if (range.from) query = query.where('at', '>=', range.from.toISOString())
  if (range.to) query = query.where('at', '<', range.to.toISOString())
  return query.execute()
}

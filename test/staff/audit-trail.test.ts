import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { allEvents, eventsOf, recordEvent } from '../../src/staff/audit-trail.js'
import { storeKinds, useStore } from '../helpers/store-under-test.js'

describe.each(storeKinds())('the audit trail on %s', (kind) => {
  const subject = useStore(kind)
  const db = () => subject.store().db

  async function anEvent() {
    const id = randomUUID()
    await db()
      .insertInto('audit_events')
      .values({
        id,
        at: '2026-04-01T10:00:00.000Z',
        actor: null,
        actor_email: 'kari@example.no',
        action: 'view-request',
        request_id: randomUUID(),
        details: null,
      })
      .execute()
    return id
  }

  it('refuses an UPDATE of an event, in the database itself', async () => {
    const id = await anEvent()
    await expect(
      db().updateTable('audit_events').set({ action: 'delete' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/append-only/)
    const row = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('id', '=', id)
      .executeTakeFirst()
    expect(row).toEqual({ action: 'view-request' })
  })

  it('refuses a DELETE of an event, one or all', async () => {
    const id = await anEvent()
    await expect(db().deleteFrom('audit_events').where('id', '=', id).execute()).rejects.toThrow(
      /append-only/,
    )
    await expect(db().deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/)
    const rows = await db().selectFrom('audit_events').select('id').where('id', '=', id).execute()
    expect(rows).toEqual([{ id }])
  })

  // SQLite has no TRUNCATE: its DELETE without a condition is refused above.
  if (kind === 'postgres') {
    it('refuses a TRUNCATE on PostgreSQL', async () => {
      await anEvent()
      await expect(sql`truncate audit_events`.execute(db())).rejects.toThrow(/append-only/)
    })
  }
})

describe.each(storeKinds())('recording and reading the audit trail on %s', (kind) => {
  const subject = useStore(kind)
  const db = () => subject.store().db
  const actor = { id: randomUUID(), email: 'kari@example.no' }

  it('keeps the events about a request in order, with the actor and short details', async () => {
    const requestId = randomUUID()
    const other = randomUUID()
    await recordEvent(db(), { actor, action: 'view-request', requestId, at: new Date(1000) })
    await recordEvent(db(), { actor, action: 'note', requestId: other, at: new Date(1500) })
    await recordEvent(db(), {
      actor,
      action: 'status-change',
      requestId,
      details: { from: 'confirmed', to: 'in_progress' },
      at: new Date(2000),
    })
    expect(await eventsOf(db(), requestId)).toEqual([
      expect.objectContaining({
        at: new Date(1000).toISOString(),
        actor: actor.id,
        actorEmail: 'kari@example.no',
        action: 'view-request',
        requestId,
        details: null,
      }),
      expect.objectContaining({ details: '{"from":"confirmed","to":"in_progress"}' }),
    ])
  })

  it('lists every event in a time range, start included, end excluded', async () => {
    const base = Date.parse('2030-01-01T00:00:00.000Z')
    for (const offset of [0, 1, 2, 3]) {
      await recordEvent(db(), { actor: null, action: 'account-added', at: new Date(base + offset) })
    }
    const events = await allEvents(db(), { from: new Date(base + 1), to: new Date(base + 3) })
    expect(events.map((event) => Date.parse(event.at) - base)).toEqual([1, 2])
    expect((await allEvents(db(), { from: new Date(base) })).length).toBeGreaterThanOrEqual(4)
  })

  it('refuses details that are not short', async () => {
    await expect(
      recordEvent(db(), {
        actor,
        action: 'note',
        details: { text: 'x'.repeat(2000) },
        at: new Date(),
      }),
    ).rejects.toThrow(/longer than/)
  })
})

import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
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

  it.runIf(kind === 'postgres')('refuses a TRUNCATE on PostgreSQL', async () => {
    await anEvent()
    await expect(sql`truncate audit_events`.execute(db())).rejects.toThrow(/append-only/)
  })
})

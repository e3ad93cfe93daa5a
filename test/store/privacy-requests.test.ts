import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { confirmRequest } from '../../src/store/confirm-request.js'
import { createRequest, type NewPrivacyRequest } from '../../src/store/create-request.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { findByStatusToken } from '../../src/store/request-status.js'
import { deleteClosedOlderThan, deleteUnconfirmedOlderThan } from '../../src/store/retention.js'
import { unseal } from '../../src/store/sealed-payload.js'
import { storeKinds, testSealingKey, useStore } from '../helpers/store-under-test.js'

const sealing = { sealingKey: testSealingKey }

const received = new Date('2026-01-31T12:00:00.000Z')
const hour = 60 * 60_000
const day = 24 * hour

function visitorRequest(overrides: Partial<NewPrivacyRequest> = {}): NewPrivacyRequest {
  return {
    kind: 'access',
    language: 'nb',
    name: 'Kari Nordmann',
    email: 'kari@example.no',
    details: 'Hvilke opplysninger har dere om meg?',
    customerReference: 'K-1001',
    ...overrides,
  }
}

describe.each(storeKinds())('privacy requests on %s', (kind) => {
  const subject = useStore(kind)
  const db = () => subject.store().db
  const create = (now = received, overrides: Partial<NewPrivacyRequest> = {}) =>
    createRequest(db(), visitorRequest(overrides), { now, sealingKey: testSealingKey })

  it('applies the migrations once: a second run applies nothing and keeps the rows', async () => {
    const { reference } = await create()
    expect(await migrateToLatest(db())).toEqual([])
    expect(await migrateToLatest(db())).toEqual([])
    const rows = await db().selectFrom('privacy_requests').select('reference').execute()
    expect(rows).toEqual([{ reference }])
  })

  it('keeps a new request as received, due one calendar month later in Oslo', async () => {
    const created = await create()
    expect(created.reference).toMatch(/^PR-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    const row = await db()
      .selectFrom('privacy_requests')
      .selectAll()
      .where('reference', '=', created.reference)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      kind: 'access',
      language: 'nb',
      name: 'Kari Nordmann',
      email: 'kari@example.no',
      customer_reference: 'K-1001',
      status: 'received',
      received_at: '2026-01-31T12:00:00.000Z',
      due_at: '2026-02-28T22:59:59.999Z',
      confirm_expires_at: '2026-02-01T12:00:00.000Z',
      confirmed_at: null,
      closed_at: null,
    })
    expect(Object.keys(row)).not.toContain('ip_address')
  })

  it('queues the first mail in the same transaction: no mail, no request', async () => {
    const { reference } = await create()
    const mails = await db().selectFrom('mail_outbox').selectAll().execute()
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({ recipient: 'kari@example.no', template: 'confirm-request' })
    expect(JSON.parse(mails[0]?.payload ?? '{}')).toMatchObject({ reference })

    // A key that cannot seal makes the mail fail after the request's insert: both must go.
    await expect(
      createRequest(db(), visitorRequest(), { now: received, sealingKey: Buffer.alloc(5) }),
    ).rejects.toThrow()
    expect(await db().selectFrom('privacy_requests').select('id').execute()).toHaveLength(1)
    expect(await db().selectFrom('mail_outbox').select('id').execute()).toHaveLength(1)
  })

  it('confirms with the link once, within 24 hours, and never with a wrong token', async () => {
    const { reference, confirmToken } = await create()
    expect(await confirmRequest(db(), 'not-the-token', received, sealing)).toEqual({
      outcome: 'not-found',
    })
    const confirmedAt = new Date(received.getTime() + 23 * hour)
    const confirmed = await confirmRequest(db(), confirmToken, confirmedAt, sealing)
    expect(confirmed).toMatchObject({ outcome: 'confirmed', reference, language: 'nb' })
    expect(await confirmRequest(db(), confirmToken, confirmedAt, sealing)).toEqual({
      outcome: 'not-found',
    })
    // The new status token opens the request, and the second mail carries it sealed.
    const statusToken = confirmed.outcome === 'confirmed' ? confirmed.statusToken : ''
    expect(await findByStatusToken(db(), statusToken)).toMatchObject({ reference })
    const mails = await db()
      .selectFrom('mail_outbox')
      .select(['template', 'payload'])
      .orderBy('created_at')
      .orderBy('template')
      .execute()
    expect(mails.map((mail) => mail.template).sort()).toEqual([
      'confirm-request',
      'request-received',
    ])
    const receivedMail = mails.find((mail) => mail.template === 'request-received')
    expect(receivedMail?.payload).not.toContain(statusToken)
    const sealed = JSON.parse(receivedMail?.payload ?? '{}').secrets
    expect(JSON.parse(unseal(sealed, testSealingKey))).toEqual({ statusToken })
    const row = await db()
      .selectFrom('privacy_requests')
      .select(['status', 'confirmed_at', 'confirm_token_hash', 'confirm_expires_at'])
      .executeTakeFirstOrThrow()
    expect(row).toEqual({
      status: 'confirmed',
      confirmed_at: confirmedAt.toISOString(),
      confirm_token_hash: null,
      confirm_expires_at: null,
    })
  })

  it('refuses a link older than 24 hours, and leaves the request unconfirmed', async () => {
    const { confirmToken } = await create()
    const late = new Date(received.getTime() + day)
    expect(await confirmRequest(db(), confirmToken, late, sealing)).toEqual({ outcome: 'expired' })
    const row = await db().selectFrom('privacy_requests').select('status').executeTakeFirstOrThrow()
    expect(row.status).toBe('received')
  })

  it('lets two clicks on the same link at once confirm only once', async () => {
    const { confirmToken } = await create()
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => confirmRequest(db(), confirmToken, received, sealing)),
    )
    expect(outcomes.filter((outcome) => outcome.outcome === 'confirmed')).toHaveLength(1)
  })

  it('finds a request by its status token, with its messages, and nothing by another', async () => {
    const { reference, statusToken } = await create()
    const other = await create(received, { email: 'ola@example.no', kind: 'erasure' })
    const row = await db()
      .selectFrom('privacy_requests')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow()
    await db()
      .insertInto('request_messages')
      .values([
        {
          id: randomUUID(),
          request_id: row.id,
          author: 'staff',
          body: 'Vi ser på saken.',
          sent_at: '2026-02-02T09:00:00.000Z',
        },
        {
          id: randomUUID(),
          request_id: row.id,
          author: 'visitor',
          body: 'Takk.',
          sent_at: '2026-02-03T09:00:00.000Z',
        },
      ])
      .execute()

    const found = await findByStatusToken(db(), statusToken)
    expect(found).toEqual({
      reference,
      kind: 'access',
      language: 'nb',
      status: 'received',
      receivedAt: '2026-01-31T12:00:00.000Z',
      confirmedAt: null,
      dueAt: '2026-02-28T22:59:59.999Z',
      closedAt: null,
      messages: [
        { author: 'staff', body: 'Vi ser på saken.', sentAt: '2026-02-02T09:00:00.000Z' },
        { author: 'visitor', body: 'Takk.', sentAt: '2026-02-03T09:00:00.000Z' },
      ],
    })
    expect((await findByStatusToken(db(), other.statusToken))?.reference).toBe(other.reference)
    expect(await findByStatusToken(db(), other.confirmToken)).toBeUndefined()
    expect(await findByStatusToken(db(), '')).toBeUndefined()
  })

  it('holds no token in any column of any table, only their SHA-256 hashes', async () => {
    const first = await create()
    const second = await create()
    await confirmRequest(db(), second.confirmToken, received, sealing)
    const everything = JSON.stringify(
      await Promise.all(
        (['privacy_requests', 'request_messages', 'mail_outbox', 'request_limits'] as const).map(
          (table) => db().selectFrom(table).selectAll().execute(),
        ),
      ),
    )
    for (const token of [
      first.confirmToken,
      first.statusToken,
      second.confirmToken,
      second.statusToken,
    ]) {
      expect(everything).not.toContain(token)
    }
    const hashes = await db()
      .selectFrom('privacy_requests')
      .select(['confirm_token_hash', 'status_token_hash'])
      .execute()
    for (const hash of hashes.flatMap((row) => [row.confirm_token_hash, row.status_token_hash])) {
      if (hash !== null) expect(hash).toMatch(/^[0-9a-f]{64}$/)
    }
  })

  it('refuses a status or kind the schema does not know', async () => {
    const { reference } = await create()
    await expect(
      db()
        .updateTable('privacy_requests')
        .set({ status: 'lost' as never })
        .where('reference', '=', reference)
        .execute(),
    ).rejects.toThrow()
    await expect(create(received, { kind: 'gossip' as never })).rejects.toThrow()
  })

  it('deletes requests left unconfirmed for more than 7 days, with their mails', async () => {
    const now = new Date('2026-03-10T12:00:00.000Z')
    await create(new Date(now.getTime() - 8 * day)) // unconfirmed, too old: goes
    const confirmedOld = await create(new Date(now.getTime() - 8 * day)) // confirmed: stays
    await confirmRequest(
      db(),
      confirmedOld.confirmToken,
      new Date(now.getTime() - 8 * day),
      sealing,
    )
    const recent = await create(new Date(now.getTime() - 6 * day)) // unconfirmed, recent: stays
    expect(await deleteUnconfirmedOlderThan(db(), now)).toBe(1)
    const left = await db().selectFrom('privacy_requests').select('reference').execute()
    expect(left.map((row) => row.reference).sort()).toEqual(
      [confirmedOld.reference, recent.reference].sort(),
    )
    // The recent request's confirmation mail, and the confirmed one's two mails.
    expect(await db().selectFrom('mail_outbox').select('id').execute()).toHaveLength(3)
    expect(await deleteUnconfirmedOlderThan(db(), now)).toBe(0)
  })

  it('deletes requests closed more than the given months ago, with their messages', async () => {
    const now = new Date('2026-03-31T12:00:00.000Z')
    const closeAt = async (closedAt: string | null, status: 'completed' | 'in_progress') => {
      const { reference } = await create(new Date('2025-01-01T00:00:00.000Z'))
      await db()
        .updateTable('privacy_requests')
        .set({ status, closed_at: closedAt })
        .where('reference', '=', reference)
        .execute()
      const { id } = await db()
        .selectFrom('privacy_requests')
        .select('id')
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow()
      await db()
        .insertInto('request_messages')
        .values({
          id: randomUUID(),
          request_id: id,
          author: 'staff',
          body: 'Ferdig.',
          sent_at: '2025-01-02T00:00:00.000Z',
        })
        .execute()
      return reference
    }
    await closeAt('2025-09-29T23:59:59.999Z', 'completed') // more than 6 months before: goes
    const kept = await closeAt('2025-09-30T12:00:00.000Z', 'completed') // exactly 6 months: stays
    const open = await closeAt(null, 'in_progress') // never closed: stays
    expect(await deleteClosedOlderThan(db(), now, 6)).toBe(1)
    const left = await db().selectFrom('privacy_requests').select('reference').execute()
    expect(left.map((row) => row.reference).sort()).toEqual([kept, open].sort())
    expect(await db().selectFrom('request_messages').select('id').execute()).toHaveLength(2)
  })
})

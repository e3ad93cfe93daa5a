import { describe, expect, it } from 'vitest'
import { createRequest } from '../../src/store/create-request.js'
import { limitKey } from '../../src/store/limit-key.js'
import { markFailed, markSent, nextDueMails, sendingLeaseMs } from '../../src/store/mail-outbox.js'
import { openStore } from '../../src/store/open-store.js'
import { countAndLimit, deleteLimitsBefore } from '../../src/store/request-limits.js'
import { unseal } from '../../src/store/sealed-payload.js'
import { storeKinds, testSealingKey, useStore } from '../helpers/store-under-test.js'

const now = new Date('2026-04-01T10:00:00.000Z')
const minute = 60_000
const later = (ms: number) => new Date(now.getTime() + ms)
const counterSecret = Buffer.from('the secret every process counts with', 'utf8')

describe.each(storeKinds())('counters and the mail outbox on %s', (kind) => {
  const subject = useStore(kind)
  const db = () => subject.store().db
  const create = (email = 'kari@example.no') =>
    createRequest(
      db(),
      { kind: 'erasure', language: 'en', name: 'Kari', email, details: 'Delete me.' },
      { now, sealingKey: testSealingKey },
    )

  it('counts 20 requests at once exactly: each gets its own count, 1 to 20', async () => {
    const counts = await Promise.all(
      Array.from({ length: 20 }, () =>
        countAndLimit(db(), limitKey('client', '203.0.113.7', counterSecret), minute, 5, now),
      ),
    )
    expect(counts.map((count) => count.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    )
    expect(counts.filter((count) => !count.limited)).toHaveLength(5)
    expect(counts[0]?.resetsAt).toEqual(new Date('2026-04-01T10:01:00.000Z'))
  })

  it('shares the count between two stores on the same database, as between processes', async () => {
    const other = openStore(subject.options())
    try {
      const counts = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          countAndLimit(
            i % 2 ? other.db : db(),
            limitKey('email', 'kari@example.no', counterSecret),
            minute,
            3,
            now,
          ),
        ),
      )
      expect(counts.map((count) => count.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      )
    } finally {
      await other.close()
    }
  })

  it('starts again at one in the next window, and keeps keys apart', async () => {
    await countAndLimit(db(), 'a', minute, 2, now)
    await countAndLimit(db(), 'a', minute, 2, later(30_000))
    expect(await countAndLimit(db(), 'a', minute, 2, later(59_999))).toMatchObject({
      count: 3,
      limited: true,
    })
    expect(await countAndLimit(db(), 'b', minute, 2, later(59_999))).toMatchObject({ count: 1 })
    expect(await countAndLimit(db(), 'a', minute, 2, later(minute))).toMatchObject({
      count: 1,
      limited: false,
    })
    expect(await deleteLimitsBefore(db(), later(minute))).toBe(1)
  })

  it("hands out the first mail with the link's tokens sealed, once until its lease ends", async () => {
    const created = await create()
    const [mail, ...others] = await nextDueMails(db(), now, 10)
    expect(others).toEqual([])
    expect(mail).toMatchObject({ recipient: 'kari@example.no', language: 'en', attempts: 0 })
    const payload = mail?.payload as { reference: string; secrets: string }
    expect(payload.reference).toBe(created.reference)
    expect(JSON.parse(unseal(payload.secrets, testSealingKey))).toEqual({
      confirmToken: created.confirmToken,
      statusToken: created.statusToken,
    })
    // Claimed: nobody else gets it while it is being sent...
    expect(await nextDueMails(db(), later(sendingLeaseMs - 1), 10)).toEqual([])
    // ...but a sender that died leaves it due again after the lease.
    expect(await nextDueMails(db(), later(sendingLeaseMs), 10)).toHaveLength(1)
  })

  it('gives each due mail to one of two senders asking at once', async () => {
    for (let i = 0; i < 6; i++) await create(`visitor${i}@example.no`)
    const other = openStore(subject.options())
    try {
      const [mine, theirs] = await Promise.all([
        nextDueMails(db(), now, 10),
        nextDueMails(other.db, now, 10),
      ])
      const ids = [...(mine ?? []), ...(theirs ?? [])].map((mail) => mail.id)
      expect(ids).toHaveLength(6)
      expect(new Set(ids).size).toBe(6)
    } finally {
      await other.close()
    }
  })

  it('tries a failed mail again after 1, 2, 4 ... minutes, never more than 6 hours', async () => {
    await create()
    let at = now
    const delays: number[] = []
    for (let attempt = 1; attempt <= 11; attempt++) {
      const [mail] = await nextDueMails(db(), at, 1)
      expect(mail?.attempts).toBe(attempt - 1)
      const next = await markFailed(db(), mail?.id ?? '', `421 try again (${attempt})`, at)
      delays.push((next.getTime() - at.getTime()) / minute)
      expect(await nextDueMails(db(), new Date(next.getTime() - 1), 1)).toEqual([])
      at = next
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360])
    const row = await db().selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ attempts: 11, last_error: '421 try again (11)', sent_at: null })
  })

  it('keeps the queue and its back-off when the store is closed and opened again', async () => {
    await create('first@example.no')
    await create('second@example.no')
    const mails = await nextDueMails(db(), now, 10)
    const first = mails.find((mail) => mail.recipient === 'first@example.no')
    const second = mails.find((mail) => mail.recipient === 'second@example.no')
    await markSent(db(), first?.id ?? '', now)
    const retryAt = await markFailed(db(), second?.id ?? '', 'connection refused', now)

    const reopened = await subject.reopen()
    expect(await nextDueMails(reopened.db, new Date(retryAt.getTime() - 1), 10)).toEqual([])
    const [due, ...rest] = await nextDueMails(reopened.db, retryAt, 10)
    expect(rest).toEqual([])
    expect(due).toMatchObject({ recipient: 'second@example.no', attempts: 1 })
    // A mail marked sent is never handed out again.
    expect(await nextDueMails(reopened.db, later(365 * 24 * 60 * minute), 10)).toHaveLength(1)
  })
})

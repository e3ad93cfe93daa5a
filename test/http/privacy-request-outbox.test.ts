import request from 'supertest'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createRequestSite,
  emptyRecords,
  type RequestSite,
  requestDatabase,
} from '../helpers/request-site.js'
import { requestForm } from '../helpers/request-texts.js'
import { storeKinds } from '../helpers/store-under-test.js'
import { testBaseUrl } from '../helpers/test-site.js'

const never = '9999-12-31T23:59:59.999Z'

describe.each(storeKinds())('the outbox and the limits, on %s', (kind) => {
  let database: Awaited<ReturnType<typeof requestDatabase>>
  let site: RequestSite
  let otherSecret: RequestSite
  beforeAll(async () => {
    database = await requestDatabase(kind)
    site = await createRequestSite(database)
    // Another process on the same records, configured with another REQUESTS_SECRET by mistake.
    otherSecret = await createRequestSite({
      ...database,
      env: { ...database.env, REQUESTS_SECRET: 'another requests secret, also 32+ characters' },
    })
  }, 60_000)
  afterAll(async () => {
    await otherSecret?.close()
    await site?.close()
    await database?.stop()
  })
  beforeEach(async () => {
    await emptyRecords((await site.records()).store)
  })

  const send = (form: Record<string, string>) =>
    request(site.app).post('/nb/request').set('Origin', testBaseUrl).type('form').send(form)

  it('keeps a mail it cannot open (another secret) for a later try, never gives it up', async () => {
    // Queued by the other process, whose own round has not run.
    await request(otherSecret.app)
      .post('/nb/request')
      .set('Origin', testBaseUrl)
      .type('form')
      .send(requestForm({ email: 'sealed@example.no' }))
      .expect(200)
    await (await otherSecret.desk?.outbox())?.sendDue()
    const { store } = await site.records()
    const before = await store.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow()
    // This process cannot unseal it: it is tried again later, not abandoned.
    await store.db
      .updateTable('mail_outbox')
      .set({ sent_at: null, next_attempt_at: new Date().toISOString() })
      .execute()
    await (await site.desk?.outbox())?.sendDue()
    const after = await store.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow()
    expect(before.sent_at).not.toBeNull()
    expect(after.sent_at).toBeNull()
    expect(after.attempts).toBe(1)
    expect(after.next_attempt_at).not.toBe(never)
    expect(after.next_attempt_at > new Date().toISOString()).toBe(true)
    expect(
      site.logger.lines.some((line) => line.message === 'mail not sent: trying again later'),
    ).toBe(true)
  })

  it('counts kari+1@ and kari+2@ as one address for its limit', async () => {
    for (const tag of ['', '+1', '+two', '+3']) {
      const answer = await send(requestForm({ email: `kari${tag}@example.no` }))
      expect(answer.status).toBe(tag === '+3' ? 429 : 200)
    }
  })
})

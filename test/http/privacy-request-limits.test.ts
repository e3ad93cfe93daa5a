import { setTimeout as sleep } from 'node:timers/promises'
import request from 'supertest'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { submissionLimits } from '../../src/requests/submission-limits.js'
import type { Store } from '../../src/store/open-store.js'
import { parse, visibleText } from '../helpers/html.js'
import {
  createRequestSite,
  emptyRecords,
  openRequestStore,
  type RequestSite,
  requestDatabase,
  rowCounts,
} from '../helpers/request-site.js'
import { requestForm, requestTexts } from '../helpers/request-texts.js'
import { storeKinds } from '../helpers/store-under-test.js'
import { testBaseUrl } from '../helpers/test-site.js'

const emailMax = submissionLimits.email.max
const clientMax = submissionLimits.client.max

/** The limits count in fixed windows: a test starts well inside one, so all its posts share it. */
async function insideOneWindow(): Promise<void> {
  const windowMs = Math.min(submissionLimits.email.windowMs, submissionLimits.client.windowMs)
  const left = windowMs - (Date.now() % windowMs)
  if (left < 10_000) await sleep(left + 50)
}

describe.each(storeKinds())('how many requests a visitor may send, on %s', (kind) => {
  let database: Awaited<ReturnType<typeof requestDatabase>>
  let store: Store
  const sites: RequestSite[] = []
  beforeAll(async () => {
    database = await requestDatabase(kind)
    store = await openRequestStore(database)
  }, 60_000)
  afterAll(async () => {
    await store?.close()
    await database?.stop()
  })
  beforeEach(async () => {
    await emptyRecords(store)
    await insideOneWindow()
  }, 20_000)
  afterEach(async () => {
    for (const site of sites.splice(0)) await site.close()
  })
  const newSite = async () => {
    const site = await createRequestSite(database)
    sites.push(site)
    return site
  }
  const post = (site: RequestSite, body: Record<string, string>, lng = 'nb') =>
    request(site.app).post(`/${lng}/request`).set('Origin', testBaseUrl).type('form').send(body)

  const expectLimited = (
    response: request.Response,
    lng: string,
    values: Record<string, string>,
  ) => {
    const words = requestTexts(lng)
    expect(response.status).toBe(429)
    const retryAfter = Number(response.headers['retry-after'])
    expect(Number.isInteger(retryAfter)).toBe(true)
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(submissionLimits.email.windowMs / 1000)
    expect(response.headers['set-cookie']).toBeUndefined()
    const $ = parse(response.text)
    expect($('.error-summary h2').text()).toBe(words.limited.title)
    expect(visibleText($, '.error-summary')).toContain(words.limited.body)
    // What the visitor typed is still there, to send later.
    expect($('#request-name').attr('value')).toBe(values.name)
    expect($('#request-email').attr('value')).toBe(values.email?.trim())
    expect($('#request-details').text()).toBe(values.details)
    expect($('#request-customerReference').attr('value')).toBe(values.customerReference)
    expect($(`#request-kind-${values.kind}`).attr('checked')).toBeDefined()
  }

  it.each(['nb', 'en', 'zh'])(
    `%s: the request after ${emailMax} in an hour to one address, however written, gets 429`,
    async (lng) => {
      const site = await newSite()
      const spellings = ['kari@example.no', 'KARI@Example.NO', '  Kari@example.no  ']
      for (let i = 0; i < emailMax; i++) {
        await post(site, requestForm({ email: spellings[i % spellings.length] ?? '' }), lng).expect(
          200,
        )
      }
      const values = requestForm({ kind: 'erasure', email: ' kari@EXAMPLE.no ' })
      expectLimited(await post(site, values, lng), lng, values)
      expect(await rowCounts(store)).toMatchObject({ privacy_requests: emailMax })
      // Another address from the same client is still taken.
      await post(site, requestForm({ email: 'ola@example.no' }), lng).expect(200)
    },
  )

  it(`the request after ${clientMax} in an hour from one client gets 429`, async () => {
    const site = await newSite()
    for (let i = 0; i < clientMax; i++) {
      await post(site, requestForm({ email: `visitor-${i}@example.no` })).expect(200)
    }
    const values = requestForm({ email: 'one-more@example.no' })
    expectLimited(await post(site, values), 'nb', values)
    expect(await rowCounts(store)).toMatchObject({ privacy_requests: clientMax })
  })

  it('the limits hold across two sites on one database', async () => {
    const [first, second] = [await newSite(), await newSite()]
    if (!first || !second) throw new Error('two sites')
    for (let i = 0; i < emailMax; i++) {
      await post(i % 2 === 0 ? first : second, requestForm()).expect(200)
    }
    const values = requestForm()
    expectLimited(await post(second, values), 'nb', values)
    expectLimited(await post(first, values), 'nb', values)

    // The client's count too: the two sites together take no more than one would.
    await emptyRecords(store)
    for (let i = 0; i < clientMax; i++) {
      await post(i % 2 === 0 ? first : second, requestForm({ email: `v${i}@example.no` })).expect(
        200,
      )
    }
    const more = requestForm({ email: 'more@example.no' })
    expectLimited(await post(first, more), 'nb', more)
    expectLimited(await post(second, more), 'nb', more)
    expect(await rowCounts(store)).toMatchObject({ privacy_requests: clientMax })
  })

  it('a refused or invalid form is not counted', async () => {
    const site = await newSite()
    for (let i = 0; i < emailMax + 2; i++) {
      await post(site, requestForm({ name: '' })).expect(422)
    }
    await post(site, requestForm()).expect(200)
  })
})

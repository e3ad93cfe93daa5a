import { randomBytes } from 'node:crypto'
import request from 'supertest'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { requestConfirmPath, requestPath, requestStatusPath } from '../../src/config/site-pages.js'
import { confirmValidityMs } from '../../src/store/confirm-request.js'
import { createRequest } from '../../src/store/create-request.js'
import type { Store } from '../../src/store/open-store.js'
import { parse } from '../helpers/html.js'
import {
  createRequestSite,
  emptyRecords,
  openRequestStore,
  type RequestSite,
  requestDatabase,
  requestsOnConfig,
  rowCounts,
} from '../helpers/request-site.js'
import { newRequest, requestForm, requestTexts } from '../helpers/request-texts.js'
import { readSiteConfig } from '../helpers/site-config.js'
import { storeKinds } from '../helpers/store-under-test.js'
import { createTestSite, testBaseUrl } from '../helpers/test-site.js'

const { languages } = readSiteConfig()
const formType = 'application/x-www-form-urlencoded'
const encoded = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const randomToken = () => randomBytes(32).toString('base64url')

const nothingStored = { privacy_requests: 0, request_messages: 0, mail_outbox: 0 }

describe.each(storeKinds())('forms the site did not make, on %s', (kind) => {
  let database: Awaited<ReturnType<typeof requestDatabase>>
  let store: Store
  let site: RequestSite
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
    site = await createRequestSite(database)
  })
  afterEach(async () => {
    await site?.close()
  })

  it.each([
    ['an unknown field', `${encoded(requestForm())}&isAdmin=1`, 400],
    ['a field given twice', `${encoded(requestForm())}&name=Eve`, 400],
    ['the kind given twice', `${encoded(requestForm())}&kind=erasure`, 400],
    ['a kind the form does not offer', encoded(requestForm({ kind: 'delete_everything' })), 400],
    ['the trap field filled in', encoded(requestForm({ website: 'https://spam.example' })), 400],
    ['a __proto__ field', `${encoded(requestForm())}&__proto__=x`, 400],
    ['a __proto__[polluted] field', `${encoded(requestForm())}&__proto__%5Bpolluted%5D=x`, 400],
    ['a constructor field', `${encoded(requestForm())}&constructor=x`, 400],
    ['21 fields', Array.from({ length: 21 }, (_, i) => `f${i}=1`).join('&'), 413],
    ['a body over 16 KB', encoded(requestForm({ details: 'x'.repeat(16 * 1024) })), 413],
  ])('%s gets %i and nothing is kept', async (_name, body, status) => {
    const response = await request(site.app)
      .post('/nb/request')
      .set('Origin', testBaseUrl)
      .set('Content-Type', formType)
      .send(body)
      .expect(status)
    expect(response.headers['set-cookie']).toBeUndefined()
    expect(await rowCounts(store)).toEqual(nothingStored)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it.each([
    ['a cross-site Origin', { Origin: 'https://evil.example' }, 403],
    ['an Origin that only starts like ours', { Origin: `${testBaseUrl}.evil.example` }, 403],
    ['an Origin over plain http', { Origin: testBaseUrl.replace('https:', 'http:') }, 403],
    ['Origin: null', { Origin: 'null' }, 403],
    ['no Origin and no Sec-Fetch-Site', {}, 403],
    ['no Origin and Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }, 403],
    ['no Origin and Sec-Fetch-Site: same-site', { 'Sec-Fetch-Site': 'same-site' }, 403],
  ])('%s gets %i', async (_name, headers, status) => {
    const response = await request(site.app)
      .post('/nb/request')
      .set(headers)
      .type('form')
      .send(requestForm())
      .expect(status)
    expect(response.headers['set-cookie']).toBeUndefined()
    expect(await rowCounts(store)).toEqual(nothingStored)
  })

  it.each([
    ['JSON', 'application/json', JSON.stringify(requestForm())],
    [
      'multipart',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\naccess\r\n--x--',
    ],
    ['plain text', 'text/plain', encoded(requestForm())],
  ])('a %s body gets 415', async (_name, type, body) => {
    const response = await request(site.app)
      .post('/nb/request')
      .set('Origin', testBaseUrl)
      .set('Content-Type', type)
      .send(body)
      .expect(415)
    expect(response.headers['set-cookie']).toBeUndefined()
    expect(await rowCounts(store)).toEqual(nothingStored)
  })

  it('sets no cookie on any request page or answer', async () => {
    const created = await createRequest((await site.records()).store.db, newRequest('nb'), {
      now: new Date(),
      sealingKey: (await site.records()).sealingKey,
    })
    const answers = await Promise.all([
      request(site.app).get('/nb/request'),
      request(site.app).head('/nb/request'),
      request(site.app).post('/nb/request').set('Origin', testBaseUrl).type('form').send({}),
      request(site.app)
        .post('/nb/request')
        .set('Origin', testBaseUrl)
        .type('form')
        .send(requestForm()),
      request(site.app).get(requestConfirmPath('nb', created.confirmToken)),
      request(site.app).get(requestStatusPath('nb', created.statusToken)),
      request(site.app).get(requestStatusPath('nb', randomToken())),
    ])
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 422, 200, 200, 200, 404])
    const confirmed = await request(site.app)
      .post(requestConfirmPath('nb', created.confirmToken))
      .set('Origin', testBaseUrl)
      .type('form')
      .send('')
      .expect(303)
    for (const answer of [...answers, confirmed]) {
      expect(answer.headers['set-cookie']).toBeUndefined()
    }
  })
})

describe.each(storeKinds())('links nobody was given, on %s', (kind) => {
  let database: Awaited<ReturnType<typeof requestDatabase>>
  let store: Store
  let site: RequestSite
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
    site = await createRequestSite(database)
  })
  afterEach(async () => {
    await site?.close()
  })

  /** A request kept as the form keeps it, received at `now`, with its links' tokens. */
  const kept = async (now = new Date()) => {
    const records = await site.records()
    return createRequest(records.store.db, newRequest('nb'), {
      now,
      sealingKey: records.sealingKey,
    })
  }
  const postConfirm = (path: string) =>
    request(site.app).post(path).set('Origin', testBaseUrl).type('form').send('')

  const expectNotFound = async (path: string) => {
    const shown = await request(site.app).get(path).expect(404)
    expect(parse(shown.text)('h1').text()).not.toBe(requestTexts('nb').confirm.title)
    await postConfirm(path).expect(404)
  }

  it.each(languages)('%s: a well-formed token nobody was given finds nothing', async (lng) => {
    await kept()
    await expectNotFound(requestConfirmPath(lng, randomToken()))
    await request(site.app).get(requestStatusPath(lng, randomToken())).expect(404)
  })

  it.each([
    ['too short', randomToken().slice(0, 42)],
    ['too long', `${randomToken()}A`],
    ['with dots', `${randomToken().slice(0, 41)}..`],
    [
      'with a percent-encoded slash',
      `${randomToken().slice(0, 20)}%2F${randomToken().slice(0, 20)}`,
    ],
    ['a path up', '..%2F..%2F..%2Fetc%2Fpasswd'],
    ['with a percent-encoded dot', `${randomToken().slice(0, 40)}%2E`],
  ])('a token %s gets 404', async (_name, token) => {
    await expectNotFound(`/nb/request/confirm/${token}`)
    await request(site.app).get(`/nb/request/${token}`).expect(404)
  })

  it('the real tokens, one character changed, find nothing', async () => {
    const created = await kept()
    const changed = (token: string) => `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`
    await expectNotFound(requestConfirmPath('nb', changed(created.confirmToken)))
    await request(site.app)
      .get(requestStatusPath('nb', changed(created.statusToken)))
      .expect(404)
    // The confirm token is no status token, nor the other way round.
    await request(site.app).get(requestStatusPath('nb', created.confirmToken)).expect(404)
    await expectNotFound(requestConfirmPath('nb', created.statusToken))
    // Both still work.
    await request(site.app).get(requestConfirmPath('nb', created.confirmToken)).expect(200)
    await request(site.app).get(requestStatusPath('nb', created.statusToken)).expect(200)
  })

  it('a confirm link older than 24 hours finds nothing, and confirms nothing', async () => {
    const created = await kept(new Date(Date.now() - confirmValidityMs - 60_000))
    await expectNotFound(requestConfirmPath('nb', created.confirmToken))
    const row = await store.db.selectFrom('privacy_requests').selectAll().executeTakeFirstOrThrow()
    expect(row.status).toBe('received')
    expect(await rowCounts(store)).toMatchObject({ mail_outbox: 1 })
  })

  it('a confirm link whose expiry was set in the past finds nothing', async () => {
    const created = await kept()
    await request(site.app).get(requestConfirmPath('nb', created.confirmToken)).expect(200)
    await store.db
      .updateTable('privacy_requests')
      .set({ confirm_expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute()
    await expectNotFound(requestConfirmPath('nb', created.confirmToken))
  })

  it('a confirm link works once', async () => {
    const created = await kept()
    const path = requestConfirmPath('nb', created.confirmToken)
    await postConfirm(path).expect(303)
    await expectNotFound(path)
  })

  it('a confirm link opens in another language too', async () => {
    const created = await kept()
    const path = requestConfirmPath('en', created.confirmToken)
    // A visitor may switch the language: the token, not the path's language, finds the request.
    await request(site.app).get(path).expect(200)
  })

  it('the status page is not indexed, not stored and sends no referrer; the confirm page is not indexed nor stored', async () => {
    const created = await kept()
    const status = await request(site.app)
      .get(requestStatusPath('nb', created.statusToken))
      .expect(200)
    expect(status.headers['x-robots-tag']).toBe('noindex')
    expect(status.headers['cache-control']).toBe('no-store')
    expect(status.headers['referrer-policy']).toBe('no-referrer')
    expect(parse(status.text)('meta[name="robots"]').attr('content')).toContain('noindex')
    const confirm = await request(site.app)
      .get(requestConfirmPath('nb', created.confirmToken))
      .expect(200)
    expect(confirm.headers['cache-control']).toBe('no-store')
    expect(confirm.headers['x-robots-tag']).toBe('noindex')
  })

  it('the log holds no token', async () => {
    const created = await kept()
    const guessed = randomToken()
    await request(site.app).get(requestConfirmPath('nb', created.confirmToken)).expect(200)
    const confirmed = await postConfirm(requestConfirmPath('nb', created.confirmToken)).expect(303)
    const location = confirmed.headers.location ?? ''
    await request(site.app).get(location).expect(200)
    await request(site.app).get(requestStatusPath('nb', guessed)).expect(404)
    await request(site.app).get(requestConfirmPath('nb', guessed)).expect(404)
    const statusToken = /\/request\/([A-Za-z0-9_-]{43})/.exec(location)?.[1]
    expect(statusToken).toBeDefined()
    const log = JSON.stringify(site.logger.lines)
    expect(site.logger.lines.length).toBeGreaterThan(4)
    for (const token of [created.confirmToken, created.statusToken, statusToken, guessed]) {
      expect(log).not.toContain(token)
    }
  })
})

describe('the request pages with the form off', () => {
  const paths = (lng: string) => [
    requestPath(lng),
    requestConfirmPath(lng, randomToken()),
    requestStatusPath(lng, randomToken()),
  ]

  it.each(languages)('%s: every request path is 404, whatever the method', async (lng) => {
    const site = await createTestSite()
    for (const path of paths(lng)) {
      await request(site.app).get(path).expect(404)
      await request(site.app).head(path).expect(404)
      await request(site.app)
        .post(path)
        .set('Origin', testBaseUrl)
        .type('form')
        .send(requestForm())
        .expect(404)
      await request(site.app).options(path).expect(404)
    }
  })

  it('the sitemap does not list the form', async () => {
    const site = await createTestSite()
    const sitemap = await request(site.app).get('/sitemap.xml').expect(200)
    for (const lng of languages) {
      expect(sitemap.text).not.toContain(`<loc>${testBaseUrl}${requestPath(lng)}</loc>`)
    }
  })
})

describe('the request pages with the form on', () => {
  const onSite = () => createTestSite({ env: { SITE_CONFIG: requestsOnConfig() } })

  it('the sitemap lists the form in every language', async () => {
    const site = await onSite()
    const sitemap = await request(site.app).get('/sitemap.xml').expect(200)
    for (const lng of languages) {
      expect(sitemap.text).toContain(`<loc>${testBaseUrl}${requestPath(lng)}</loc>`)
    }
  })

  it.each(languages)('%s: the form answers OPTIONS, and PUT gets 405', async (lng) => {
    const site = await onSite()
    const options = await request(site.app).options(requestPath(lng)).expect(204)
    expect(options.headers.allow).toBe('GET, HEAD, POST, OPTIONS')
    for (const method of ['put', 'delete', 'patch'] as const) {
      const refused = await request(site.app)[method](requestPath(lng)).expect(405)
      expect(refused.headers.allow).toBe('GET, HEAD, POST, OPTIONS')
    }
    const status = await request(site.app).options(requestStatusPath(lng, randomToken()))
    expect(status.status).toBe(204)
    expect(status.headers.allow).toBe('GET, HEAD, OPTIONS')
    await request(site.app).post(requestStatusPath(lng, randomToken())).expect(405)
  })

  it.each(languages)('%s: without a desk, a valid post gets 503', async (lng) => {
    const site = await onSite()
    const response = await request(site.app)
      .post(requestPath(lng))
      .set('Origin', testBaseUrl)
      .type('form')
      .send(requestForm())
      .expect(503)
    expect(response.headers['set-cookie']).toBeUndefined()
  })

  it('without a desk, the token pages get 503 and the log holds no token', async () => {
    const site = await onSite()
    const token = randomToken()
    await request(site.app).get(requestStatusPath('nb', token)).expect(503)
    await request(site.app).get(requestConfirmPath('nb', token)).expect(503)
    await request(site.app)
      .post(requestConfirmPath('nb', token))
      .set('Origin', testBaseUrl)
      .type('form')
      .send('')
      .expect(503)
    expect(JSON.stringify(site.logger.lines)).not.toContain(token)
  })
})

import { readFileSync } from 'node:fs'
import path from 'node:path'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixtureLocalesDir } from '../helpers/fixture-content.js'
import { parse, visibleText } from '../helpers/html.js'
import {
  createRequestSite,
  linkIn,
  type RequestSite,
  requestDatabase,
} from '../helpers/request-site.js'
import { readSiteConfig } from '../helpers/site-config.js'
import { storeKinds } from '../helpers/store-under-test.js'
import { testBaseUrl } from '../helpers/test-site.js'

const { languages } = readSiteConfig()
const texts = (lng: string) =>
  JSON.parse(readFileSync(path.join(fixtureLocalesDir, lng, 'request.json'), 'utf8'))
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_all, name: string) => values[name] ?? '')

const form = (overrides: Record<string, string> = {}) => ({
  kind: 'access',
  name: 'Kari Nordmann',
  email: 'kari@example.no',
  details: 'Hvilke opplysninger har dere om meg?',
  customerReference: 'K-1234',
  website: '',
  ...overrides,
})

describe.each(storeKinds())('a privacy request from form to status page, on %s', (kind) => {
  let database: Awaited<ReturnType<typeof requestDatabase>>
  let site: RequestSite
  beforeAll(async () => {
    database = await requestDatabase(kind)
    site = await createRequestSite(database)
  }, 60_000)
  afterAll(async () => {
    await site?.close()
    await database?.stop()
  })

  const post = (url: string) => request(site.app).post(url).set('Origin', testBaseUrl).type('form')

  it.each(languages)(
    '%s: sends, confirms by the link in the email, and shows the status',
    async (lng) => {
      const words = texts(lng)
      const email = `visitor-${lng}@example.no`
      const sent = await post(`/${lng}/request`).send(form({ email })).expect(200)
      expect(sent.headers['cache-control']).toBe('no-store')
      const $sent = parse(sent.text)
      expect($sent('h1').text()).toBe(words.sent.title)
      const reference = /PR-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(visibleText($sent, $sent('main')))?.[0]
      expect(reference).toBeDefined()
      expect(visibleText($sent, $sent('main'))).toContain(fill(words.sent.email, { email }))

      await (await site.desk?.outbox())?.sendDue()
      const mails = await site.outboxMails()
      const confirmMail = mails.find((mail) => mail.subject?.includes(reference ?? '-'))
      expect(confirmMail?.to).toMatchObject({ value: [{ address: email }] })
      const confirmLink = linkIn(confirmMail as never, testBaseUrl)
      expect(confirmLink.pathname).toMatch(
        new RegExp(`^/${lng}/request/confirm/[A-Za-z0-9_-]{43}$`),
      )

      // Opening the link shows a button; only the button confirms.
      const shown = await request(site.app).get(confirmLink.pathname).expect(200)
      expect(parse(shown.text)('h1').text()).toBe(words.confirm.title)
      expect(shown.headers['cache-control']).toBe('no-store')
      const confirmed = await post(confirmLink.pathname).send('').expect(303)
      const statusPath = new URL(confirmed.headers.location ?? '', testBaseUrl).pathname
      expect(statusPath).toMatch(new RegExp(`^/${lng}/request/[A-Za-z0-9_-]{43}$`))
      // The link is used up.
      await post(confirmLink.pathname).send('').expect(404)
      await request(site.app).get(confirmLink.pathname).expect(404)

      const status = await request(site.app)
        .get(confirmed.headers.location ?? '')
        .expect(200)
      expect(status.headers['cache-control']).toBe('no-store')
      expect(status.headers['referrer-policy']).toBe('no-referrer')
      expect(status.headers['x-robots-tag']).toBe('noindex')
      const $status = parse(status.text)
      expect($status('meta[name="robots"]').attr('content')).toContain('noindex')
      expect($status('h1').text()).toBe(fill(words.status.title, { reference: reference ?? '' }))
      const facts = visibleText($status, $status('.request-facts'))
      expect(facts).toContain(words.kinds.access.label)
      expect(facts).toContain(words.status.statuses.confirmed)
      expect(visibleText($status, $status('main'))).toContain(words.status.confirmed)

      // The second email links to the same status page.
      await (await site.desk?.outbox())?.sendDue()
      const receipt = (await site.outboxMails()).find(
        (mail) =>
          mail.subject?.includes(reference ?? '-') &&
          mail !== confirmMail &&
          !linkIn(mail, testBaseUrl).pathname.includes('/confirm/'),
      )
      expect(receipt).toBeDefined()
      expect(linkIn(receipt as never, testBaseUrl).pathname).toBe(statusPath)
    },
  )

  it.each(['xx', 'NB', 'nb-NO'])(
    'knows no request pages under an unknown language %s: 404, nothing stored',
    async (lng) => {
      const token = 'A'.repeat(43)
      await post(`/${lng}/request`).send(form()).expect(404)
      await request(site.app).get(`/${lng}/request`).expect(404)
      await request(site.app).get(`/${lng}/request/confirm/${token}`).expect(404)
      await post(`/${lng}/request/confirm/${token}`).send('').expect(404)
      await request(site.app).get(`/${lng}/request/${token}`).expect(404)
      const { store } = (await site.desk?.records()) ?? {}
      const kept = await store?.db.selectFrom('privacy_requests').select('email').execute()
      expect(kept?.map((row) => row.email)).not.toContain(form().email)
    },
  )

  it('answers a malformed address under the request pages with 400', async () => {
    await request(site.app).get('/nb/request/%E0%A4%A').expect(400)
    await post('/nb/request/confirm/%E0%A4%A').send('').expect(400)
  })
})

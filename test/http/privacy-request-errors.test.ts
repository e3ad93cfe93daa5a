import request from 'supertest'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fieldLimits } from '../../src/requests/request-form.js'
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
import { fill, requestForm, requestTexts } from '../helpers/request-texts.js'
import { readSiteConfig } from '../helpers/site-config.js'
import { storeKinds } from '../helpers/store-under-test.js'
import { testBaseUrl } from '../helpers/test-site.js'

const { languages } = readSiteConfig()

/** Each field's error: what the visitor sent, the message key and its values. */
const fieldErrors = [
  ['kind', 'missing', { kind: '' }, {}],
  ['name', 'missing', { name: '' }, {}],
  ['name', 'missing', { name: '   ' }, {}],
  ['name', 'tooLong', { name: 'N'.repeat(fieldLimits.name + 1) }, { max: fieldLimits.name }],
  ['email', 'missing', { email: '' }, {}],
  ['email', 'invalid', { email: 'kari.example.no' }, {}],
  ['email', 'invalid', { email: 'kari@example.no, eve@example.net' }, {}],
  [
    'email',
    'tooLong',
    { email: `${'k'.repeat(fieldLimits.email)}@example.no` },
    { max: fieldLimits.email },
  ],
  [
    'details',
    'tooLong',
    { details: 'd'.repeat(fieldLimits.details + 1) },
    { max: fieldLimits.details, count: fieldLimits.details + 1 },
  ],
  [
    'customerReference',
    'tooLong',
    { customerReference: 'R'.repeat(fieldLimits.customerReference + 1) },
    { max: fieldLimits.customerReference },
  ],
] as const

const cases = languages.flatMap((lng) =>
  fieldErrors.map(([field, problem, overrides, values]) => ({
    lng,
    field,
    problem,
    overrides: overrides as Record<string, string>,
    values: values as Record<string, number>,
  })),
)

describe.each(storeKinds())('what a visitor sees of a form with mistakes, on %s', (kind) => {
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
  // A site per test: each has its own limit of posts a minute.
  beforeEach(async () => {
    await emptyRecords(store)
    site = await createRequestSite(database)
  })
  afterEach(async () => {
    await site?.close()
  })

  const post = (lng: string, body: Record<string, string>) =>
    request(site.app).post(`/${lng}/request`).set('Origin', testBaseUrl).type('form').send(body)

  it.each(cases)(
    '$lng: $field $problem gets 422 with the message by the field',
    async ({ lng, field, problem, overrides, values }) => {
      const words = requestTexts(lng)
      const message = fill(words.errors[field][problem], values)
      const response = await post(lng, requestForm(overrides)).expect(422)
      expect(response.headers['cache-control']).toBe('no-store')
      expect(response.headers['set-cookie']).toBeUndefined()
      const $ = parse(response.text)
      expect($('title').text()).toContain(words.errors.titlePrefix)

      // The summary links to the field (to the first choice, for the kind).
      const summary = $('.error-summary')
      expect(summary.find('h2').text()).toBe(words.errors.summary)
      const links = summary.find('a')
      expect(links).toHaveLength(1)
      expect(links.text()).toBe(message)
      const target = field === 'kind' ? 'request-kind-access' : `request-${field}`
      expect(links.attr('href')).toBe(`#${target}`)
      expect($(`#${target}`)).toHaveLength(1)

      // The message is inside the field, and the field says it is described by it.
      const error = $(`#request-${field}-error`)
      expect(error.hasClass('field-error')).toBe(true)
      expect(visibleText($, error)).toBe(`${words.errors.titlePrefix}: ${message}`)
      const described = field === 'kind' ? $('fieldset') : $(`#request-${field}`)
      expect(described.attr('aria-describedby')?.split(' ')).toContain(`request-${field}-error`)
      if (field !== 'kind') {
        expect(described.attr('aria-invalid')).toBe('true')
        expect(error.closest('.field').find(`#request-${field}`)).toHaveLength(1)
      } else {
        expect(error.closest('fieldset')).toHaveLength(1)
        // Each of the choices says it is invalid.
        expect($('input[name="kind"][aria-invalid="true"]')).toHaveLength(
          $('input[name="kind"]').length,
        )
      }
      // No other field is marked.
      expect($('.field-error')).toHaveLength(1)
      expect($('[aria-invalid]')).toHaveLength(
        field === 'kind' ? $('input[name="kind"]').length : 1,
      )

      expect(await rowCounts(store)).toEqual({
        privacy_requests: 0,
        request_messages: 0,
        mail_outbox: 0,
      })
    },
  )

  it.each(languages)('%s: keeps what the visitor typed, as text', async (lng) => {
    const typed = {
      kind: 'erasure',
      name: '<script>alert(1)</script>',
      email: '"><img src=x onerror=alert(2)>',
      details: '</textarea><script>alert(3)</script>\nline two',
      customerReference: `" autofocus onfocus="alert(4)`,
    }
    const response = await post(lng, requestForm(typed)).expect(422)
    const $ = parse(response.text)
    expect($('#request-name').attr('value')).toBe(typed.name)
    expect($('#request-email').attr('value')).toBe(typed.email)
    expect($('#request-details').text()).toBe(typed.details)
    expect($('#request-customerReference').attr('value')).toBe(typed.customerReference)
    expect($('#request-customerReference').attr('autofocus')).toBeUndefined()
    expect($('#request-kind-erasure').attr('checked')).toBeDefined()
    expect($('input[name="kind"][checked]')).toHaveLength(1)
    expect($('img')).toHaveLength(0)
    expect($('script').filter((_i, el) => $(el).text().includes('alert'))).toHaveLength(0)
    expect(response.text).not.toContain('<script>alert')
    expect(await rowCounts(store)).toMatchObject({ privacy_requests: 0 })
  })

  it.each(languages)('%s: shows every error at once, in the order of the fields', async (lng) => {
    const words = requestTexts(lng)
    const response = await post(
      lng,
      requestForm({ kind: '', name: '', email: 'nobody', details: 'd'.repeat(5001) }),
    ).expect(422)
    const $ = parse(response.text)
    const links = $('.error-summary a')
      .map((_i, el) => $(el).attr('href'))
      .get()
    expect(links).toEqual([
      '#request-kind-access',
      '#request-name',
      '#request-email',
      '#request-details',
    ])
    expect(visibleText($, '.error-summary')).toContain(words.errors.email.invalid)
  })

  it.each(languages)(
    '%s: takes details, a name and a reference of exactly their most characters',
    async (lng) => {
      const details = 'd'.repeat(fieldLimits.details)
      const name = 'N'.repeat(fieldLimits.name)
      const customerReference = 'R'.repeat(fieldLimits.customerReference)
      await post(lng, requestForm({ details, name, customerReference })).expect(200)
      const rows = await store.db.selectFrom('privacy_requests').selectAll().execute()
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ details, name, customer_reference: customerReference })
    },
  )
})

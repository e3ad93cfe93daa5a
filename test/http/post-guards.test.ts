import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { postChoice } from '../helpers/consent-client.js'
import { parse } from '../helpers/html.js'
import { createTestSite, fixture, testBaseUrl } from '../helpers/test-site.js'

const optional = { SITE_CONFIG: fixture('site-optional-cookies.json') }

describe('who may post a choice', () => {
  it.each([
    ['no Origin and no Sec-Fetch-Site', {}, 403],
    ['another site', { Origin: 'https://evil.example' }, 403],
    ['an Origin that only starts like ours', { Origin: `${testBaseUrl}.evil.example` }, 403],
    ['Origin: null', { Origin: 'null' }, 403],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }, 403],
    ['this site, by Origin', { Origin: testBaseUrl }, 303],
    ['this site, by Sec-Fetch-Site', { 'Sec-Fetch-Site': 'same-origin' }, 303],
  ])('%s gets %i', async (_name, headers, status) => {
    const site = await createTestSite({ env: optional })
    const response = await request(site.app)
      .post('/nb/cookies')
      .set(headers)
      .type('form')
      .send('analytics=yes')
      .expect(status)
    if (status === 403) {
      expect(response.headers['set-cookie']).toBeUndefined()
      expect(parse(response.text)('h1').text()).toBe('Ikke tillatt')
    }
  })
})

describe('what a choice may look like', () => {
  it.each([
    ['JSON', 'application/json', '{"analytics":"yes"}', 415],
    [
      'multipart',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="analytics"\r\n\r\nyes\r\n--x--',
      415,
    ],
    ['plain text', 'text/plain', 'analytics=yes', 415],
    [
      'a body over 2 KB',
      'application/x-www-form-urlencoded',
      `analytics=yes&return=${'x'.repeat(2100)}`,
      413,
    ],
    [
      '21 fields',
      'application/x-www-form-urlencoded',
      Array.from({ length: 21 }, (_, i) => `f${i}=1`).join('&'),
      413,
    ],
    ['a repeated field', 'application/x-www-form-urlencoded', 'analytics=yes&analytics=no', 400],
    ['an unknown answer', 'application/x-www-form-urlencoded', 'analytics=maybe', 400],
    ['an unknown field', 'application/x-www-form-urlencoded', 'marketing=yes', 400],
    [
      'a return page that is a path',
      'application/x-www-form-urlencoded',
      'all=accept&return=..%2F..%2Fetc',
      400,
    ],
    ['prototype keys', 'application/x-www-form-urlencoded', '__proto__=yes&constructor=yes', 400],
    ['the form', 'application/x-www-form-urlencoded', 'analytics=no', 303],
  ])('%s gets %i', async (_name, type, body, status) => {
    const site = await createTestSite({ env: optional })
    const response = await request(site.app)
      .post('/nb/cookies')
      .set('Origin', testBaseUrl)
      .set('Content-Type', type)
      .send(body)
      .expect(status)
    if (status !== 303) expect(response.headers['set-cookie']).toBeUndefined()
  })

  it('gives 404 for a choice posted to a language that does not exist', async () => {
    const site = await createTestSite({ env: optional })
    await postChoice(site, 'analytics=yes', 'xx').expect(404)
  })
})

describe('the rate limit', () => {
  it('answers 429 after 10 choices a minute from one client', async () => {
    const site = await createTestSite({ env: optional })
    for (let i = 0; i < 10; i++) await postChoice(site, 'analytics=yes').expect(303)
    const limited = await postChoice(site, 'analytics=yes').expect(429)
    expect(parse(limited.text)('h1').text()).toBe('For mange forespørsler')
    expect(limited.headers['set-cookie']).toBeUndefined()
  })

  it('is not bypassed by rotating X-Forwarded-For without a proxy in front', async () => {
    const site = await createTestSite({ env: optional })
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (await postChoice(site, 'analytics=yes').set('X-Forwarded-For', `203.0.113.${i}`)).status,
      )
    }
    expect(statuses.slice(0, 10).every((status) => status === 303)).toBe(true)
    expect(statuses.slice(10)).toEqual([429, 429])
  })

  it('with one proxy in front, counts the address the proxy saw, not what the client wrote', async () => {
    const site = await createTestSite({ env: { ...optional, TRUST_PROXY_HOPS: '1' } })
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      // The client invents the first address; the proxy appends the real one.
      statuses.push(
        (
          await postChoice(site, 'analytics=yes').set(
            'X-Forwarded-For',
            `203.0.113.${i}, 198.51.100.7`,
          )
        ).status,
      )
    }
    expect(statuses.slice(10)).toEqual([429, 429])
  })
})

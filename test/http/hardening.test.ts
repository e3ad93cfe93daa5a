import { createHash, createHmac } from 'node:crypto'
import { connect } from 'node:net'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  consentCookieName,
  consentMaxAgeMs,
  encodeConsent,
} from '../../src/consent/consent-cookie.js'
import { createHttpServer } from '../../src/http/http-server.js'
import { postChoice } from '../helpers/consent-client.js'
import { parse } from '../helpers/html.js'
import {
  createTestSite,
  fixture,
  type TestSite,
  testBaseUrl,
  testCookieSecret,
} from '../helpers/test-site.js'

let site: TestSite
beforeAll(async () => {
  site = await createTestSite({ env: { SITE_CONFIG: fixture('site-optional-cookies.json') } })
})

describe('the rate limit headers', () => {
  it('carry no hash a client address can be found from', async () => {
    const response = await postChoice(site, 'analytics=yes').expect(303)
    const policy = String(response.headers['ratelimit-policy'])
    expect(policy).toContain('q=10')
    for (const address of ['127.0.0.1', '::ffff:127.0.0.1', '::1']) {
      const unsalted = createHash('sha256').update(address).digest('hex').slice(0, 12)
      expect(policy).not.toContain(Buffer.from(unsalted).toString('base64'))
    }
  })
})

describe('a consent cookie', () => {
  const signed = (madeAt: number) => {
    const value = encodeConsent(site.site.consent.policy, { analytics: true }, new Date(madeAt))
    const signature = createHmac('sha256', testCookieSecret)
      .update(value)
      .digest('base64')
      .replace(/=+$/, '')
    return `${consentCookieName}=${encodeURIComponent(`s:${value}.${signature}`)}`
  }
  const hasBanner = async (cookie: string) => {
    const response = await request(site.app).get('/nb/').set('Cookie', cookie).expect(200)
    return parse(response.text)('.consent-banner').length === 1
  }

  it('made a minute ago counts as chosen', async () => {
    expect(await hasBanner(signed(Date.now() - 60_000))).toBe(false)
  })

  it.each([
    ['a day in the future', Date.now() + 86_400_000],
    ['a year in the future', Date.now() + 365 * 86_400_000],
    ['longer ago than its lifetime', Date.now() - consentMaxAgeMs - 86_400_000],
  ])('made %s counts as not chosen', async (_name, madeAt) => {
    expect(await hasBanner(signed(madeAt))).toBe(true)
  })
})

describe('the cookie form', () => {
  it.each([['__proto__=yes'], ['analytics=yes&__proto__=x'], ['analytics=no&%5F%5Fproto%5F%5F=x']])(
    '%s is refused with 400, not saved with the field dropped',
    async (form) => {
      const response = await postChoice(site, form).expect(400)
      expect(response.headers['set-cookie']).toBeUndefined()
    },
  )

  it('answers with redirects that say how long they may be kept', async () => {
    const saved = await postChoice(site, 'analytics=yes').expect(303)
    expect(saved.headers['cache-control']).toBe('no-store')
    const nearMiss = await request(site.app).get('/nb/cookies/').expect(301)
    expect(nearMiss.headers['cache-control']).toMatch(/max-age=\d+/)
  })
})

describe('Expect: 100-continue', () => {
  let port: number
  let close: () => void
  beforeAll(async () => {
    const server = createHttpServer(site.app, {}, () => site.site)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as { port: number }).port
    close = () => server.close()
  })
  afterAll(() => close())

  /** Sends the headers, waits for the first answer, then (if told to go on) the body. */
  function post(headers: string, body: string): Promise<{ first: string; all: string }> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(
          `POST /nb/cookies HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nConnection: close\r\nContent-Length: ${body.length}\r\n${headers}\r\n`,
        ),
      )
      let all = ''
      let first = ''
      socket.on('data', (chunk) => {
        all += chunk
        if (first === '') {
          first = all.split('\r\n')[0] ?? ''
          if (first.includes(' 100 ')) socket.write(body)
        }
      })
      socket.on('error', reject)
      socket.on('close', () => resolve({ first, all }))
      setTimeout(() => socket.destroy(), 3000)
    })
  }
  const form = 'Content-Type: application/x-www-form-urlencoded\r\n'

  it.each([
    ['from another site', `Origin: https://evil.example\r\n${form}`, 'analytics=yes', 403],
    ['of another type', `Origin: ${testBaseUrl}\r\nContent-Type: application/json\r\n`, '{}', 415],
    ['declared too large', `Origin: ${testBaseUrl}\r\n${form}`, `x=${'y'.repeat(3000)}`, 413],
  ])('a form %s is refused without 100 Continue', async (_name, headers, body, status) => {
    const { first } = await post(headers, body)
    expect(first.startsWith(`HTTP/1.1 ${status} `)).toBe(true)
  })

  it('a form that passes the checks gets 100 Continue, then its answer', async () => {
    const { first, all } = await post(`Origin: ${testBaseUrl}\r\n${form}`, 'analytics=yes')
    expect(first).toBe('HTTP/1.1 100 Continue')
    expect(all).toContain('HTTP/1.1 303 See Other')
  })
})

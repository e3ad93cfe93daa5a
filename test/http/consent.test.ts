import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { cookieFrom, postChoice } from '../helpers/consent-client.js'
import { parse, visibleText } from '../helpers/html.js'
import { createTestSite, fixture, type TestSite } from '../helpers/test-site.js'

const optional = { SITE_CONFIG: fixture('site-optional-cookies.json') }
const analyticsScript = 'https://analytics.example.com/script.js'

describe('with nothing to choose (the shipped inventory)', () => {
  let site: TestSite
  beforeAll(async () => {
    site = await createTestSite()
  })

  it('shows no banner, and the form says there is nothing to choose', async () => {
    for (const path of ['/nb/', '/en/contact', '/zh/cookies']) {
      const $ = parse((await request(site.app).get(path)).text)
      expect($('.consent-banner')).toHaveLength(0)
    }
    const $ = parse((await request(site.app).get('/nb/cookies')).text)
    expect(visibleText($, '#preferences')).toContain('ingenting å velge')
    expect($('#preferences form')).toHaveLength(0)
  })

  it('stores nothing when a choice is posted anyway', async () => {
    const response = await postChoice(site, 'all=accept').expect(303)
    expect(response.headers['set-cookie']).toBeUndefined()
    expect(response.headers.location).toBe('/nb/cookies')
  })

  it('shows no "Cookie settings" link in the footer, as there is nothing to set', async () => {
    for (const path of ['/en/', '/nb/cookies', '/zh/versions']) {
      const $ = parse((await request(site.app).get(path)).text)
      expect($('footer nav a').length).toBeGreaterThan(0)
      expect($('footer a[href$="#preferences"]')).toHaveLength(0)
    }
  })
})

describe('with an optional category (the example configuration)', () => {
  // One site for these tests: together they stay under the rate limit of 10 choices a minute.
  let site: TestSite
  let savedYes: string
  beforeAll(async () => {
    site = await createTestSite({ env: optional })
    savedYes = cookieFrom(
      (await postChoice(site, 'analytics=yes').expect(303)).headers['set-cookie'],
    )
  })

  it('asks with a banner until the visitor chooses, with no analytics loaded', async () => {
    const response = await request(site.app).get('/nb/').expect(200)
    const $ = parse(response.text)
    const banner = $('.consent-banner')
    expect(banner).toHaveLength(1)
    expect(banner.attr('data-nosnippet')).toBe('')
    expect(banner.find('form').attr('method')).toBe('post')
    expect(banner.find('form').attr('action')).toBe('/nb/cookies')
    const buttons = banner.find('button')
    expect(buttons.map((_, b) => $(b).text()).get()).toEqual(['Godta alle', 'Avvis alle'])
    expect(buttons.first().attr('class')).toBe(buttons.last().attr('class'))
    expect($(`script[src="${analyticsScript}"]`)).toHaveLength(0)
    expect(response.headers.vary).toBe('Accept-Encoding, Cookie, Sec-GPC')
    expect(response.headers['cache-control']).toBe('private, no-cache')
    expect(response.headers['set-cookie']).toBeUndefined()
  })

  it('lists the consent cookie in the inventory as strictly necessary', async () => {
    const $ = parse((await request(site.app).get('/nb/cookies')).text)
    const row = $('main table tbody tr').filter((_, tr) => $(tr).find('th').text() === 'consent')
    expect(row.find('td').eq(2).text()).toBe('Strengt nødvendig')
  })

  it('saves a choice, confirms it, loads what was consented to, and withdraws it the same way', async () => {
    const form = parse((await request(site.app).get('/nb/cookies')).text)
    expect(form('#analytics-no').attr('checked')).toBe('checked')
    expect(form('#analytics-yes').attr('checked')).toBeUndefined()

    const saved = await postChoice(site, 'analytics=yes').expect(303)
    expect(saved.headers.location).toBe('/nb/cookies?saved=1#preferences')
    const setCookie = String(saved.headers['set-cookie'])
    expect(setCookie).toMatch(/^consent=s%3A/)
    expect(setCookie).toContain('Max-Age=15724800')
    expect(setCookie).toContain('Path=/')
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Lax')
    expect(setCookie).not.toContain('Secure')
    const cookie = cookieFrom(saved.headers['set-cookie'])

    const confirmed = await request(site.app)
      .get('/nb/cookies?saved=1')
      .set('Cookie', cookie)
      .expect(200)
    const $ = parse(confirmed.text)
    expect($('[role="status"]').text()).toBe('Valgene dine er lagret.')
    expect($('#analytics-yes').attr('checked')).toBe('checked')
    expect($('.consent-banner')).toHaveLength(0)
    expect($(`script[src="${analyticsScript}"]`)).toHaveLength(1)
    expect(confirmed.headers['content-security-policy']).toContain(`script-src ${analyticsScript}`)

    const notice = parse((await request(site.app).get('/nb/').set('Cookie', cookie)).text)
    expect(notice('.consent-banner')).toHaveLength(0)
    expect(notice('[role="status"]')).toHaveLength(0)

    const withdrawn = await postChoice(site, 'analytics=no').set('Cookie', cookie).expect(303)
    const withdrawnPage = parse(
      (
        await request(site.app)
          .get('/nb/cookies')
          .set('Cookie', cookieFrom(withdrawn.headers['set-cookie']))
      ).text,
    )
    expect(withdrawnPage('#analytics-no').attr('checked')).toBe('checked')
    expect(withdrawnPage(`script[src="${analyticsScript}"]`)).toHaveLength(0)
  })

  it('names the banner by its heading and says what each optional category is for', async () => {
    const $ = parse((await request(site.app).get('/en/contact')).text)
    const banner = $('.consent-banner')
    expect(banner.attr('aria-labelledby')).toBe('consent-banner-heading')
    expect(banner.find('h2#consent-banner-heading').text()).toBe('Cookies on this site')
    const inventory = JSON.parse(readFileSync(optional.SITE_CONFIG, 'utf8')).cookieInventory as {
      category: string
      purpose: Record<string, string>
    }[]
    const optionalCookies = inventory.filter((entry) => entry.category !== 'necessary')
    expect(optionalCookies.length).toBeGreaterThan(0)
    const purposes = banner
      .find('li')
      .map((_, item) => visibleText($, item))
      .get()
      .join(' ')
    for (const entry of optionalCookies) expect(purposes).toContain(entry.purpose.en)
    expect(banner.find('input[name="return"]').attr('value')).toBe('/en/contact')
  })

  it.each([
    ['/en/contact', 'reject', "You've rejected optional cookies."],
    ['/nb/versions/2024', 'accept', 'Du har godtatt valgfrie informasjonskapsler.'],
  ])(
    "returns the banner's answer on %s to that page, confirmed, with a way to hide it",
    async (path, answer, confirmation) => {
      const lng = path.slice(1, 3)
      const response = await postChoice(
        site,
        `all=${answer}&return=${encodeURIComponent(path)}`,
        lng,
      ).expect(303)
      expect(response.headers.location).toBe(`${path}?saved=1`)
      const cookie = cookieFrom(response.headers['set-cookie'])
      const $ = parse((await request(site.app).get(`${path}?saved=1`).set('Cookie', cookie)).text)
      expect($('.consent-banner form')).toHaveLength(0)
      const saved = $('.consent-banner--saved')
      expect(visibleText($, saved.find('[role="status"]'))).toBe(confirmation)
      expect(saved.find(`a[href="/${lng}/cookies#preferences"]`)).toHaveLength(1)
      expect(saved.find(`a[href="${path}"]`)).toHaveLength(1)
      expect($(`script[src="${analyticsScript}"]`)).toHaveLength(answer === 'accept' ? 1 : 0)

      // Hidden: the same page without the confirmation.
      const hidden = parse((await request(site.app).get(path).set('Cookie', cookie)).text)
      expect(hidden('.consent-banner')).toHaveLength(0)
      expect(hidden('footer a[href$="#preferences"]')).toHaveLength(1)
    },
  )

  it('returns a choice made in the banner of the cookie page to the form there', async () => {
    const response = await postChoice(site, 'all=reject&return=%2Fnb%2Fcookies').expect(303)
    expect(response.headers.location).toBe('/nb/cookies?saved=1#preferences')
  })

  it.each([
    [
      'a tampered value',
      (cookie: string) => cookie.replace('%22analytics%22%3Atrue', '%22analytics%22%3Afalse'),
    ],
    ['a changed signature', (cookie: string) => `${cookie.slice(0, -3)}abc`],
    ['an unsigned value', () => 'consent=%7B%22v%22%3A%22x%22%7D'],
    ['5 KB of junk', () => `consent=${'x'.repeat(5000)}`],
    ['malformed cookie syntax', () => 'consent="=;;==; ;'],
  ])('treats %s as no choice yet, without an error', async (_name, spoil) => {
    const cookie = spoil(savedYes)
    const response = await request(site.app).get('/nb/').set('Cookie', cookie).expect(200)
    expect(parse(response.text)('.consent-banner')).toHaveLength(1)
  })

  it('asks again when an optional cookie changes, even only its duration', async () => {
    const changed = JSON.parse(readFileSync(fixture('site-optional-cookies.json'), 'utf8'))
    changed.cookieInventory[0].duration = 'P2Y'
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'inventory-')), 'site.json')
    writeFileSync(file, JSON.stringify(changed))
    const other = await createTestSite({ env: { SITE_CONFIG: file } })
    expect(other.site.consent.policy.version).not.toBe(site.site.consent.policy.version)
    const $ = parse((await request(other.app).get('/nb/').set('Cookie', savedYes)).text)
    expect($('.consent-banner')).toHaveLength(1)
    // The same inventory keeps the choice.
    const same = parse((await request(site.app).get('/nb/').set('Cookie', savedYes)).text)
    expect(same('.consent-banner')).toHaveLength(0)
  })

  it('treats Sec-GPC: 1 without a stored choice as a no to everything, without asking', async () => {
    const response = await request(site.app).get('/nb/cookies').set('Sec-GPC', '1').expect(200)
    const $ = parse(response.text)
    expect($('.consent-banner')).toHaveLength(0)
    expect($('#analytics-no').attr('checked')).toBe('checked')
    expect($(`script[src="${analyticsScript}"]`)).toHaveLength(0)
    expect(visibleText($, 'main')).toContain('Global Privacy Control')
    const other = parse((await request(site.app).get('/nb/').set('Sec-GPC', 'true')).text)
    expect(other('.consent-banner')).toHaveLength(1)
  })

  it('lets a stored choice take precedence over GPC', async () => {
    const $ = parse(
      (await request(site.app).get('/nb/').set('Sec-GPC', '1').set('Cookie', savedYes)).text,
    )
    expect($(`script[src="${analyticsScript}"]`)).toHaveLength(1)
  })

  it('logs each saved choice as proof of consent, with no address or browser', async () => {
    const before = site.logger.lines.length
    await postChoice(site, 'analytics=yes', 'zh')
      .set('User-Agent', 'Secret Browser 1.0')
      .expect(303)
    const line = site.logger.lines.slice(before).find((entry) => entry.message === 'consent saved')
    expect(line?.fields).toEqual({
      inventoryVersion: site.site.consent.policy.version,
      choices: { analytics: true },
      language: 'zh',
    })
    expect(JSON.stringify(line)).not.toMatch(/127\.0\.0\.1|::1|Secret Browser/)
  })

  it('sets Secure on the cookie in production', async () => {
    const production = await createTestSite({ env: { ...optional, NODE_ENV: 'production' } })
    const saved = await postChoice(production, 'analytics=no').expect(303)
    expect(String(saved.headers['set-cookie'])).toContain('Secure')
  })
})

describe('/.well-known/gpc.json', () => {
  it('declares GPC support as JSON', async () => {
    const { app } = await createTestSite()
    const response = await request(app).get('/.well-known/gpc.json').expect(200)
    expect(response.headers['content-type']).toBe('application/json')
    expect(response.body).toEqual({ gpc: true, lastUpdate: '2024-01-01' })
  })
})

describe('where a choice may return to', () => {
  // A site of their own: these posts count against the rate limit too.
  let site: TestSite
  beforeAll(async () => {
    site = await createTestSite({ env: optional })
  })

  it.each([
    'https://elsewhere.example/',
    '//elsewhere.example/nb/',
    '/en/contact',
    '/nb/changes.atom',
    '/nb/missing',
    'contact',
  ])('refuses to return a choice to %s', async (target) => {
    const response = await postChoice(
      site,
      `all=reject&return=${encodeURIComponent(target)}`,
    ).expect(400)
    expect(response.headers['set-cookie']).toBeUndefined()
  })
})

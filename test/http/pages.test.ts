import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse, visibleText } from '../helpers/html.js'
import { createTestSite, type TestSite, testBaseUrl } from '../helpers/test-site.js'

let site: TestSite
beforeAll(async () => {
  site = await createTestSite()
})

const pages = [
  {
    path: '/nb/',
    title: 'Personvernerklæring',
    h1: 'Personvernerklæring',
    nav: 'Personvernerklæring',
  },
  {
    path: '/nb/cookies',
    title: 'Informasjonskapsler',
    h1: 'Informasjonskapsler',
    nav: 'Informasjonskapsler',
  },
  { path: '/nb/contact', title: 'Kontakt oss', h1: 'Kontakt oss', nav: 'Kontakt oss' },
]

describe.each(pages)('$path', (page) => {
  it('is a complete Norwegian page in the layout', async () => {
    const response = await request(site.app).get(page.path).expect(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['content-language']).toBe('nb')
    const $ = parse(response.text)
    expect($('html').attr('lang')).toBe('nb')
    expect($('title').text()).toBe(`${page.title} – Eksempel Handel AS`)
    expect($('meta[name="description"]').attr('content')?.length).toBeGreaterThan(40)
    expect($('h1')).toHaveLength(1)
    expect($('h1').text()).toBe(page.h1)
    expect($('link[rel="canonical"]').attr('href')).toBe(`${testBaseUrl}${page.path}`)
  })

  it('has the navigation, marks the current page, and a footer with the update date', async () => {
    const $ = parse((await request(site.app).get(page.path)).text)
    const nav = $('header nav.site-nav a')
      .map((_, a) => [[$(a).attr('href'), $(a).text()]])
      .get()
    expect(nav).toEqual([
      ['/nb/', 'Personvernerklæring'],
      ['/nb/cookies', 'Informasjonskapsler'],
      ['/nb/contact', 'Kontakt oss'],
    ])
    expect($('header nav.site-nav a[aria-current="page"]').text()).toBe(page.nav)
    expect(visibleText($, 'footer')).toContain('Sist oppdatert: 2024')
    expect($('footer time').attr('datetime')).toBe('2024')
    expect($('a.skip-link').attr('href')).toBe('#main')
    expect($('main#main')).toHaveLength(1)
  })

  it('needs no script, no inline style and nothing from another origin', async () => {
    const response = await request(site.app).get(page.path)
    const $ = parse(response.text)
    // Structured data for crawlers is the only script element, and it is data, not code.
    expect($('script:not([type="application/ld+json"])')).toHaveLength(0)
    expect($('[style]')).toHaveLength(0)
    expect($('style')).toHaveLength(0)
    const resources = $(
      'link[rel="stylesheet"], link[rel="icon"], img[src], iframe, object, script[src]',
    )
      .map((_, element) => $(element).attr('href') ?? $(element).attr('src') ?? '')
      .get()
    for (const url of resources) expect(url).toMatch(/^\/assets\//)
    expect(response.headers['content-security-policy']).toContain("default-src 'none'")
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline')
    expect(response.headers['set-cookie']).toBeUndefined()
    expect(response.headers['x-powered-by']).toBeUndefined()
  })

  it('answers If-None-Match with 304 and HEAD with headers only', async () => {
    const first = await request(site.app).get(page.path)
    const etag = first.headers.etag ?? ''
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers['cache-control']).toContain('max-age=')
    await request(site.app).get(page.path).set('If-None-Match', etag).expect(304)
    const head = await request(site.app).head(page.path).expect(200)
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(first.text)))
    expect(head.text).toBeUndefined()
  })
})

describe('addresses near a page', () => {
  it.each([
    ['/', 302, '/nb/'],
    ['/nb', 301, '/nb/'],
    ['/nb/cookies/', 301, '/nb/cookies'],
    ['/nb/contact/', 301, '/nb/contact'],
  ])('%s redirects with %i to %s', async (from, status, to) => {
    const response = await request(site.app).get(from).expect(status)
    expect(response.headers.location).toBe(to)
  })
})

describe('the stylesheet', () => {
  it('has a content-hashed name and is cached for a year', async () => {
    const $ = parse((await request(site.app).get('/nb/')).text)
    const href = $('link[rel="stylesheet"]').attr('href') ?? ''
    expect(href).toMatch(/^\/assets\/site\.[\w-]{12}\.css$/)
    const response = await request(site.app).get(href).expect(200)
    expect(response.headers['content-type']).toBe('text/css; charset=utf-8')
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(response.text).toContain('@media print')
    expect(response.text).toContain('prefers-color-scheme: dark')
  })

  it('gives 404 for an asset name that is not current', async () => {
    await request(site.app).get('/assets/site.AAAAAAAAAAAA.css').expect(404)
  })
})

describe('health', () => {
  it('answers /healthz cheaply', async () => {
    const response = await request(site.app).get('/healthz').expect(200)
    expect(response.text).toBe('ok\n')
    expect(response.headers['cache-control']).toBe('no-store')
  })
})

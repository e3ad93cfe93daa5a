import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SiteBuild } from '../../src/build/build-site.js'
import { parse } from '../helpers/html.js'
import { createTestSite, type TestSite } from '../helpers/test-site.js'

let site: TestSite
beforeAll(async () => {
  site = await createTestSite()
})

function expectErrorPage(html: string, heading: string): void {
  const $ = parse(html)
  expect($('html').attr('lang')).toBe('nb')
  expect($('h1')).toHaveLength(1)
  expect($('h1').text()).toBe(heading)
  expect($('header nav.site-nav a')).toHaveLength(3)
  // A way onward to each of the site's main pages.
  const onward = $('main nav.onward a')
    .map((_, link) => $(link).attr('href'))
    .get()
  const menu = $('header nav.site-nav a')
    .map((_, link) => $(link).attr('href'))
    .get()
  expect(onward).toEqual([...menu, '/nb/versions'])
  expect($('main nav.onward a[href="/nb/"]').text()).toBe('Personvernerklæring')
}

describe('unknown languages and pages', () => {
  it.each([
    '/xx/',
    '/de/',
    '/de/cookies',
    '/NB/',
    '/nb/missing',
    '/nb/cookies/extra',
    '/nb/index.html',
    '/__proto__/',
    '/constructor/cookies',
    '/nb/..%2f..%2fetc%2fpasswd',
    '/assets/../package.json',
  ])('%s gives the 404 page in the layout', async (path) => {
    const response = await request(site.app).get(path).expect(404)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expectErrorPage(response.text, 'Fant ikke siden')
  })

  it('a 5 KB path gives the 404 page and is not reflected', async () => {
    const response = await request(site.app)
      .get(`/nb/${'a'.repeat(5000)}`)
      .expect(404)
    expectErrorPage(response.text, 'Fant ikke siden')
    expect(response.text).not.toContain('a'.repeat(100))
  })
})

describe('malformed URLs', () => {
  it.each(['/nb/%E0%A4%A', '/%', '/nb/%ZZ', '/%C0%AF'])('%s gives 400', async (path) => {
    const response = await request(site.app).get(path).expect(400)
    expectErrorPage(response.text, 'Ugyldig adresse')
  })
})

describe('methods a page does not take', () => {
  it('POST to a page gives 405 with Allow', async () => {
    const response = await request(site.app).post('/nb/').send('x=1').expect(405)
    expect(response.headers.allow).toBe('GET, HEAD, OPTIONS')
  })
})

describe('an unexpected error', () => {
  const failing = (build: SiteBuild): SiteBuild => ({
    ...build,
    responses: {
      ...build.responses,
      get: () => {
        throw new Error(
          'disk on fire in /srv/app/src/render/page-table.ts <img src=x onerror=alert(1)>',
        )
      },
    },
  })

  it('gives the 500 page without stack trace or file path in production', async () => {
    const production = await createTestSite({ env: { NODE_ENV: 'production' }, wrap: failing })
    const response = await request(production.app).get('/nb/').expect(500)
    expectErrorPage(response.text, 'Noe gikk galt')
    expect(response.text).not.toContain('disk on fire')
    expect(response.text).not.toMatch(/\.ts\b|\/srv\/|\bat \w+ \(/)
    expect(response.headers['cache-control']).toBe('no-store')
    expect(production.logger.lines.some((line) => line.level === 'error')).toBe(true)
  })

  it('shows the stack to the developer outside production', async () => {
    const development = await createTestSite({ env: { NODE_ENV: 'development' }, wrap: failing })
    const response = await request(development.app).get('/nb/').expect(500)
    const $ = parse(response.text)
    expect($('details pre').text()).toContain('disk on fire')
    // The message is shown as text, never as markup, on the page in the visitor's language.
    expect($('details pre').text()).toContain('<img src=x onerror=alert(1)>')
    expect($('img')).toHaveLength(0)
    expect($('html').attr('lang')).toBe('nb')
    expect($('h1').text()).toContain('Noe gikk galt')
    expect(response.headers['cache-control']).toBe('no-store')
  })
})

import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from '../helpers/html.js'
import { createTestSite, fixture, type TestSite, testBaseUrl } from '../helpers/test-site.js'

let site: TestSite
beforeAll(async () => {
  site = await createTestSite({ env: { SITE_CONFIG: fixture('site-optional-cookies.json') } })
})

const readOnly = 'GET, HEAD, OPTIONS'
const withForm = 'GET, HEAD, POST, OPTIONS'

describe('what each path accepts', () => {
  it.each([
    ['/', readOnly],
    ['/healthz', readOnly],
    ['/readyz', readOnly],
    ['/nb/', readOnly],
    ['/en/contact', readOnly],
    ['/nb/cookies', withForm],
    ['/zh/cookies', withForm],
    ['/sitemap.xml', readOnly],
    ['/.well-known/security.txt', readOnly],
  ])('OPTIONS %s gets 204 with Allow: %s', async (path, allow) => {
    const response = await request(site.app).options(path).expect(204)
    expect(response.headers.allow).toBe(allow)
    expect(response.text).toBe('')
    expect(response.headers['content-security-policy']).toContain("default-src 'none'")
  })

  it.each([
    ['PUT', '/nb/cookies', withForm],
    ['DELETE', '/nb/cookies', withForm],
    ['POST', '/nb/', readOnly],
    ['PUT', '/nb/contact', readOnly],
    ['POST', '/', readOnly],
    ['POST', '/healthz', readOnly],
    ['DELETE', '/readyz', readOnly],
    ['PATCH', '/sitemap.xml', readOnly],
  ])('%s %s gets the 405 page with Allow: %s', async (method, path, allow) => {
    const response = await request(site.app)[method.toLowerCase() as 'put'](path).expect(405)
    expect(response.headers.allow).toBe(allow)
    expect(parse(response.text)('h1').text()).toBe('Det går ikke an her')
  })
})

describe('paths match exactly as written', () => {
  it.each([
    ['GET', '/HEALTHZ'],
    ['GET', '/healthz/'],
    ['GET', '/Readyz'],
    ['GET', '/nb/COOKIES'],
    ['POST', '/nb/COOKIES'],
    ['POST', '/nb/cookies/'],
    ['POST', '/NB/cookies'],
    ['OPTIONS', '/nb/missing'],
    ['OPTIONS', '/HEALTHZ'],
  ])('%s %s gets 404', async (method, path) => {
    const response = await request(site.app)
      [method.toLowerCase() as 'get'](path)
      .set('Origin', testBaseUrl)
      .type('form')
      .send(method === 'POST' ? 'all=accept' : undefined)
      .expect(404)
    expect(response.headers['set-cookie']).toBeUndefined()
  })

  it('the form still takes a choice at its own path', async () => {
    await request(site.app)
      .post('/nb/cookies')
      .set('Origin', testBaseUrl)
      .type('form')
      .send('all=accept')
      .expect(303)
  })
})

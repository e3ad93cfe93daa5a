import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { postChoice } from '../helpers/consent-client.js'
import { createTestSite, fixture, type TestSite, testBaseUrl } from '../helpers/test-site.js'

const expectSecurityHeaders = (headers: Record<string, string>, production: boolean) => {
  const csp = headers['content-security-policy'] ?? ''
  for (const directive of [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ]) {
    expect(csp).toContain(directive)
  }
  expect(csp).not.toContain('unsafe-inline')
  expect(csp).not.toContain('script-src')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('same-origin')
  expect(headers['cross-origin-resource-policy']).toBe('same-origin')
  expect(headers['cross-origin-opener-policy']).toBe('same-origin')
  expect(headers['permissions-policy']).toContain('camera=()')
  expect(headers['permissions-policy']).toContain('browsing-topics=()')
  expect(headers['x-powered-by']).toBeUndefined()
  if (production)
    expect(headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains')
  else expect(headers['strict-transport-security']).toBeUndefined()
}

describe.each([
  ['production', true],
  ['development', false],
])('every response in %s carries the security headers', (env, production) => {
  let site: TestSite
  let css: string
  beforeAll(async () => {
    site = await createTestSite({
      env: { NODE_ENV: env, SITE_CONFIG: fixture('site-optional-cookies.json') },
    })
    css = site.site.assets.css
  })

  it.each([
    ['GET', '/nb/'],
    ['GET', '/zh/cookies'],
    ['GET', '/'],
    ['GET', '/nb'],
    ['GET', '/nb/missing'],
    ['GET', '/nb/%ZZ'],
    ['GET', '/sitemap.xml'],
    ['GET', '/robots.txt'],
    ['GET', '/.well-known/security.txt'],
    ['GET', '/.well-known/gpc.json'],
    ['GET', '/healthz'],
    ['GET', '/readyz'],
    ['HEAD', '/en/'],
    ['POST', '/nb/'],
  ])('%s %s', async (method, path) => {
    const response = await request(site.app)[
      method === 'HEAD' ? 'head' : method === 'POST' ? 'post' : 'get'
    ](path)
    expectSecurityHeaders(response.headers as Record<string, string>, production)
  })

  it('the stylesheet', async () => {
    expectSecurityHeaders(
      (await request(site.app).get(css)).headers as Record<string, string>,
      production,
    )
  })

  it('the answers to a posted choice: saved, refused, too large, wrong type', async () => {
    for (const response of [
      await postChoice(site, 'analytics=no'),
      await request(site.app)
        .post('/nb/cookies')
        .set('Origin', 'https://evil.example')
        .type('form')
        .send('analytics=no'),
      await request(site.app)
        .post('/nb/cookies')
        .set('Origin', testBaseUrl)
        .type('form')
        .send(`x=${'y'.repeat(3000)}`),
      await request(site.app)
        .post('/nb/cookies')
        .set('Origin', testBaseUrl)
        .type('json')
        .send({ analytics: 'no' }),
    ]) {
      expectSecurityHeaders(response.headers as Record<string, string>, production)
    }
  })
})

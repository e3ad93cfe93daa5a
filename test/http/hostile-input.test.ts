import { connect } from 'node:net'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHttpServer } from '../../src/http/http-server.js'
import { listen, rawRequest } from '../helpers/raw-http.js'
import { createTestSite, fixture, type TestSite, testBaseUrl } from '../helpers/test-site.js'

let site: TestSite
let server: Awaited<ReturnType<typeof listen>>
let plainNotice: Buffer
beforeAll(async () => {
  site = await createTestSite({ env: { SITE_CONFIG: fixture('site-optional-cookies.json') } })
  server = await listen(site.app)
  plainNotice = (await rawRequest(server.port, { path: '/nb/' })).body
})
afterAll(() => server.server.close())

/** Sends bytes exactly as given, for requests an HTTP client refuses to make. */
function rawBytes(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk
    })
    socket.on('end', () => resolve(received))
    socket.on('close', () => resolve(received))
    socket.on('error', reject)
    setTimeout(() => socket.destroy(), 2000)
  })
}

describe('known attacks', () => {
  it.each([
    ['path traversal through the language', '/../../etc/passwd', 404],
    ['encoded path traversal', '/%2e%2e/%2e%2e/etc/passwd', 404],
    ['traversal inside a page', '/nb/..%2F..%2Fpackage.json', 404],
    ['traversal to the sources', '/nb/../../src/server.ts', 404],
    ['__proto__ as a language', '/__proto__/', 404],
    ['constructor as a page', '/nb/constructor', 404],
    ['prototype of the table', '/nb/__proto__', 404],
    ['CRLF in the path', '/nb/%0d%0aSet-Cookie:%20x=1', 404],
    ['a malformed escape', '/nb/%E0%A4%A', 400],
    [
      'ejs options in the query: outputFunctionName',
      '/nb/?settings[view%20options][outputFunctionName]=x;process.exit(1);s',
      200,
    ],
    [
      'ejs options in the query: escapeFn and client',
      '/nb/?escapeFn=process.exit&client=true&debug=true',
      200,
    ],
    ['repeated parameters', '/nb/?lng=en&lng=zh&lng[]=../', 200],
    ['ejs options on a missing page', '/nb/x?settings[view%20options][client]=1', 404],
  ])('%s: %s gets %i', async (_name, path, status) => {
    const response = await rawRequest(server.port, { path })
    expect(response.status).toBe(status)
    expect(response.headers['set-cookie']).toBeUndefined()
    if (status === 200) expect(response.body.equals(plainNotice)).toBe(true)
  })

  it('a 5 KB cookie is no choice, not an error', async () => {
    const response = await rawRequest(server.port, {
      path: '/nb/',
      headers: { Cookie: `consent=${'a'.repeat(5120)}` },
    })
    expect(response.status).toBe(200)
  })

  it('5 KB of junk as Accept-Language still chooses a language', async () => {
    const response = await rawRequest(server.port, {
      path: '/',
      headers: { 'Accept-Language': 'x'.repeat(5120) },
    })
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/nb/')
  })

  it('a cross-site POST gets 403, an oversized one 413', async () => {
    const crossSite = await rawRequest(server.port, {
      method: 'POST',
      path: '/nb/cookies',
      headers: {
        Origin: 'https://evil.example',
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': '13',
      },
    })
    expect(crossSite.status).toBe(403)
    const body = `analytics=yes&x=${'y'.repeat(4000)}`
    const oversized = await rawBytes(
      server.port,
      `POST /nb/cookies HTTP/1.1\r\nHost: x\r\nOrigin: ${testBaseUrl}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    )
    expect(oversized.startsWith('HTTP/1.1 413')).toBe(true)
  })

  it('CR or LF inside a header value is refused by the HTTP parser with 400', async () => {
    const answer = await rawBytes(
      server.port,
      'GET /nb/ HTTP/1.1\r\nHost: x\r\nX-Test: a\rSet-Cookie: b\r\n\r\n',
    )
    expect(answer.startsWith('HTTP/1.1 400')).toBe(true)
    expect(answer).not.toContain('Set-Cookie: b')
  })

  it('a header section over 16 KB gets 431', async () => {
    const limited = createHttpServer(site.app)
    await new Promise<void>((resolve) => limited.listen(0, '127.0.0.1', resolve))
    const port = (limited.address() as { port: number }).port
    const answer = await rawBytes(
      port,
      `GET /nb/ HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    )
    expect(answer.startsWith('HTTP/1.1 431')).toBe(true)
    limited.close()
  })
})

describe('any input', () => {
  const marker = '<x-injected onerror=alert(1)>'
  const segment = fc.oneof(
    fc.constantFrom(
      'nb',
      'en',
      'zh',
      'cookies',
      'contact',
      '..',
      '.',
      '__proto__',
      'constructor',
      'prototype',
      '%2e%2e',
      '%00',
      '%ff',
      '%',
      'assets',
      '.well-known',
      'sitemap.xml',
    ),
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
    fc.constant(encodeURIComponent(marker)),
  )
  const path = fc.array(segment, { maxLength: 4 }).map((parts) => `/${parts.join('/')}`)
  const query = fc.oneof(
    fc.constant(''),
    fc
      .dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 12 }), { maxKeys: 4 })
      .map((fields) => `?${new URLSearchParams(fields).toString()}`),
    fc.constant(`?q=${encodeURIComponent(marker)}&settings[view%20options][outputFunctionName]=x`),
  )
  const headerValue = fc.oneof(
    fc.constantFrom('', 'nb', 'en-US,en;q=0.9', 'zh-CN', '*', 'q=;;,,', 'nb;q=2', marker),
    fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
  )

  it('never gives a 500, never reflects input unescaped, and always speaks a served language', async () => {
    await fc.assert(
      fc.asyncProperty(
        path,
        query,
        headerValue,
        headerValue,
        headerValue,
        fc.constantFrom('GET', 'HEAD', 'POST'),
        async (p, q, language, cookie, other, method) => {
          const response = await rawRequest(server.port, {
            method,
            path: `${p}${q}`,
            headers: {
              'Accept-Language': language,
              Cookie: `consent=${cookie}`,
              'Sec-GPC': other,
              'Accept-Encoding': 'identity',
              Origin: other,
            },
          })
          expect(response.status).toBeLessThan(500)
          expect(response.body.toString('utf8')).not.toContain(marker)
          const contentLanguage = response.headers['content-language']
          if (contentLanguage !== undefined)
            expect(['nb', 'en', 'zh-Hans']).toContain(contentLanguage)
        },
      ),
      { numRuns: 300 },
    )
  })
})

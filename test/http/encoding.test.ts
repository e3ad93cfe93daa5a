import type { Server } from 'node:http'
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chooseEncoding } from '../../src/http/accept-encoding.js'
import { bestCompression, brotliParams } from '../../src/prepare/prepared-response.js'
import { parse } from '../helpers/html.js'
import { listen, type RawResponse, rawRequest } from '../helpers/raw-http.js'
import { createTestSite, fixture, type TestSite, testBaseUrl } from '../helpers/test-site.js'

let site: TestSite
let fast: { server: Server; port: number }
let express: { server: Server; port: number }
let paths: readonly string[]

beforeAll(async () => {
  // The page budget is about the compressed bytes visitors get: the best compression, as served.
  site = await createTestSite({ sources: { compression: bestCompression } })
  fast = await listen(site.app)
  express = await listen(site.expressApp)
  paths = site.site.responses.paths
})
afterAll(() => {
  fast.server.close()
  express.server.close()
})

const decode = (response: RawResponse): Buffer => {
  const encoding = response.headers['content-encoding']
  if (encoding === 'br') return brotliDecompressSync(response.body)
  if (encoding === 'gzip') return gunzipSync(response.body)
  return response.body
}

describe('choosing an encoding', () => {
  it.each([
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, br', 'br'],
    ['br;q=0.1, gzip;q=1', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip', 'gzip'],
    ['deflate', 'identity'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['gzip;q=0', 'identity'],
    ['identity', 'identity'],
    ['', 'identity'],
    [undefined, 'identity'],
    ['br;q=nonsense, gzip', 'gzip'],
  ])('Accept-Encoding %s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected)
  })
})

describe('every prepared response in every encoding', () => {
  const encodings = [
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['identity', undefined],
  ] as const

  it('covers every page of every language, the crawler files and the assets', () => {
    // Per language: three pages, the list of versions, version 2024 and the feed.
    expect(paths.filter((path) => /^\/(nb|en|zh)\//.test(path))).toHaveLength(18)
    expect(paths).toContain('/sitemap.xml')
    expect(paths.some((path) => path.endsWith('.css'))).toBe(true)
  })

  it.each(encodings)(
    'Accept-Encoding: %s gives that encoding, its length, and the same content',
    async (accept, encoding) => {
      for (const path of paths) {
        const identity = await rawRequest(fast.port, { path })
        const response = await rawRequest(fast.port, {
          path,
          headers: { 'Accept-Encoding': accept },
        })
        expect(response.status, path).toBe(200)
        // Every page and stylesheet is sent compressed; a file too small to shrink is sent as it is.
        if (identity.body.length > 1000)
          expect(response.headers['content-encoding'], path).toBe(encoding)
        else expect([encoding, undefined]).toContain(response.headers['content-encoding'])
        expect(response.headers['content-length'], path).toBe(String(response.body.length))
        expect(response.headers.vary, path).toBe('Accept-Encoding')
        expect(decode(response).equals(identity.body), path).toBe(true)
        if (response.headers['content-encoding']) {
          expect(response.body.length, path).toBeLessThan(identity.body.length)
        }
      }
    },
  )

  it('gives each encoding its own strong ETag, and 304 for a matching If-None-Match', async () => {
    for (const path of paths) {
      const etags = new Set<string>()
      const encodingsSent = new Set<unknown>()
      for (const [accept] of encodings) {
        const first = await rawRequest(fast.port, { path, headers: { 'Accept-Encoding': accept } })
        const etag = String(first.headers.etag)
        expect(etag).toMatch(/^"[\w-]+"$/)
        etags.add(etag)
        encodingsSent.add(first.headers['content-encoding'])
        const again = await rawRequest(fast.port, {
          path,
          headers: { 'Accept-Encoding': accept, 'If-None-Match': etag },
        })
        expect(again.status, `${path} ${accept}`).toBe(304)
        expect(again.body.length).toBe(0)
        expect(again.headers.etag).toBe(etag)
        expect(again.headers.vary).toBe('Accept-Encoding')
        const stale = await rawRequest(fast.port, {
          path,
          headers: { 'Accept-Encoding': accept, 'If-None-Match': '"other"' },
        })
        expect(stale.status).toBe(200)
      }
      expect(etags.size, path).toBe(encodingsSent.size)
    }
  })

  it('answers HEAD with the headers of GET and no body', async () => {
    for (const path of paths) {
      const get = await rawRequest(fast.port, { path, headers: { 'Accept-Encoding': 'br' } })
      const head = await rawRequest(fast.port, {
        method: 'HEAD',
        path,
        headers: { 'Accept-Encoding': 'br' },
      })
      expect(head.status).toBe(200)
      expect(head.body.length).toBe(0)
      expect(head.headers['content-length']).toBe(get.headers['content-length'])
      expect(head.headers.etag).toBe(get.headers.etag)
    }
  })
})

describe('the fast path and the Express app', () => {
  const withoutDate = (raw: string[]) =>
    raw
      .flatMap((value, index) => (index % 2 === 0 ? [[value, raw[index + 1]]] : []))
      .filter(([name]) => name !== 'Date')

  it('send byte-identical headers and bodies for every path, encoding and conditional request', async () => {
    let compared = 0
    for (const path of [...paths, '/nb/?utm_source=x']) {
      for (const accept of ['br', 'gzip, deflate', 'identity', '']) {
        const etag = String(
          (await rawRequest(fast.port, { path, headers: { 'Accept-Encoding': accept } })).headers
            .etag,
        )
        for (const method of ['GET', 'HEAD']) {
          for (const conditional of [
            {},
            { 'If-None-Match': etag },
            { 'If-None-Match': '"stale"' },
          ]) {
            const headers = { 'Accept-Encoding': accept, ...conditional }
            const a = await rawRequest(fast.port, { method, path, headers })
            const b = await rawRequest(express.port, { method, path, headers })
            expect(a.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(b.status)
            expect(withoutDate(a.rawHeaders)).toEqual(withoutDate(b.rawHeaders))
            expect(a.body.equals(b.body)).toBe(true)
            compared++
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(300)
  })

  it('choose the same consent variant: banner, stored choice, GPC and confirmation', async () => {
    const choices = await createTestSite({
      env: { SITE_CONFIG: fixture('site-optional-cookies.json') },
    })
    const fastChoices = await listen(choices.app)
    const expressChoices = await listen(choices.expressApp)
    try {
      const saved = await rawRequest(expressChoices.port, {
        method: 'POST',
        path: '/nb/cookies',
        headers: {
          Origin: testBaseUrl,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Content-Length': '13',
        },
        body: 'analytics=yes',
      })
      const cookie = String(saved.headers['set-cookie']).split(';')[0] ?? ''
      for (const path of ['/nb/', '/nb/cookies', '/nb/cookies?saved=1', '/en/contact']) {
        for (const headers of [
          {},
          { Cookie: cookie },
          { 'Sec-GPC': '1' },
          { Cookie: `${cookie}x` },
        ]) {
          const a = await rawRequest(fastChoices.port, {
            path,
            headers: { 'Accept-Encoding': 'br', ...headers },
          })
          const b = await rawRequest(expressChoices.port, {
            path,
            headers: { 'Accept-Encoding': 'br', ...headers },
          })
          expect(withoutDate(a.rawHeaders)).toEqual(withoutDate(b.rawHeaders))
          expect(a.body.equals(b.body), `${path} ${JSON.stringify(headers)}`).toBe(true)
        }
      }
    } finally {
      fastChoices.server.close()
      expressChoices.server.close()
    }
  })

  it('leave everything else to Express: redirects, errors and other methods look the same', async () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/nb'],
      ['GET', '/nb/missing'],
      ['GET', '/nb/%ZZ'],
      ['POST', '/nb/'],
      ['GET', '/healthz'],
    ] as const) {
      const a = await rawRequest(fast.port, { method, path })
      const b = await rawRequest(express.port, { method, path })
      expect(a.status, path).toBe(b.status)
      expect(withoutDate(a.rawHeaders)).toEqual(withoutDate(b.rawHeaders))
    }
  })
})

describe('the page budget', () => {
  const budget = 14_336
  const brotliSize = (body: Buffer) =>
    brotliCompressSync(body, { params: brotliParams(body.length) }).length

  it.each(
    ['nb', 'en', 'zh'].flatMap((lng) =>
      ['', 'cookies', 'contact'].map((page) => `/${lng}/${page}`),
    ),
  )(
    '%s: HTML plus CSS is at most 14,336 bytes brotli-compressed, with no font and no script',
    async (path) => {
      const html = await rawRequest(fast.port, { path, headers: { 'Accept-Encoding': 'br' } })
      const $ = parse(brotliDecompressSync(html.body).toString('utf8'))
      const cssPath = $('link[rel="stylesheet"]').attr('href') ?? ''
      const css = await rawRequest(fast.port, {
        path: cssPath,
        headers: { 'Accept-Encoding': 'br' },
      })
      expect(css.headers['content-encoding']).toBe('br')
      expect(html.body.length + css.body.length).toBeLessThanOrEqual(budget)
      expect(html.body.length).toBe(brotliSize(brotliDecompressSync(html.body)))
      expect($('script:not([type="application/ld+json"])')).toHaveLength(0)
      const stylesheet = brotliDecompressSync(css.body).toString('utf8')
      expect(stylesheet).not.toMatch(/@font-face|@import|url\(/)
    },
  )
})

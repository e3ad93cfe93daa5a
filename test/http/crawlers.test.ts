import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/config/paths.js'
import { parse } from '../helpers/html.js'
import { createTestSite, type TestSite, testBaseUrl } from '../helpers/test-site.js'

let site: TestSite
beforeAll(async () => {
  site = await createTestSite()
})

/** Every HTML page a visitor can reach by following links from `/`, as paths. */
/** Every HTML page a crawler reaches from `/`, and whether it asks not to be indexed. */
async function crawl(): Promise<Map<string, boolean>> {
  const found = new Map<string, boolean>()
  const queue = ['/']
  const seen = new Set(queue)
  while (queue.length > 0) {
    const path = queue.shift() as string
    const response = await request(site.app).get(path).redirects(0)
    if (response.status >= 300 && response.status < 400) {
      const next = response.headers.location ?? ''
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
      continue
    }
    if (response.status !== 200 || !response.headers['content-type']?.startsWith('text/html'))
      continue
    const $ = parse(response.text)
    found.set(path, $('meta[name="robots"]').attr('content') === 'noindex')
    $('a[href]').each((_, a) => {
      const href = (a.attribs.href ?? '').split('#')[0] ?? ''
      if (href.startsWith('/') && !seen.has(href)) {
        seen.add(href)
        queue.push(href)
      }
    })
  }
  return found
}

describe('/sitemap.xml', () => {
  let $: ReturnType<typeof parse>
  let body: string
  beforeAll(async () => {
    const response = await request(site.app).get('/sitemap.xml').expect(200)
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8')
    body = response.text
    $ = parse(body)
  })

  it('is a sitemaps.org urlset with the xhtml namespace', () => {
    expect(
      body.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
      ),
    ).toBe(true)
    expect(body.trim().endsWith('</urlset>')).toBe(true)
  })

  it('is valid against the sitemaps.org schema, alternates included', async (context) => {
    const xmllint = spawnSync('xmllint', ['--version'])
    if (xmllint.error) {
      if (process.env.CI) throw new Error('xmllint is missing: .ci/run installs libxml2-utils')
      console.warn(
        'Skipped sitemap schema validation: install xmllint (apt-get install libxml2-utils)',
      )
      context.skip()
    }
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sitemap-')), 'sitemap.xml')
    writeFileSync(file, body)
    const schema = path.join(packageRoot, 'test/fixtures/schemas/sitemap-with-alternates.xsd')
    const result = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' })
    expect(result.stderr.trim()).toBe(`${file} validates`)
    expect(result.status).toBe(0)
  })

  it('lists exactly the pages that are served: no more, no fewer', async () => {
    const listed = $('url > loc')
      .map((_, loc) => $(loc).text())
      .get()
    expect(new Set(listed).size).toBe(listed.length)
    for (const url of listed) expect(url.startsWith(`${testBaseUrl}/`)).toBe(true)
    const served = await crawl()
    const indexed = [...served].filter(([, noindex]) => !noindex).map(([path]) => path)
    // Per language: the notice, cookies, contact and the list of versions.
    expect(indexed).toHaveLength(12)
    expect(new Set(listed.map((url) => url.slice(testBaseUrl.length)))).toEqual(new Set(indexed))
    // The published versions are linked, but kept out of search results.
    const unindexed = [...served].filter(([, noindex]) => noindex).map(([path]) => path)
    expect(unindexed.sort()).toEqual([
      '/en/versions/2024',
      '/nb/versions/2024',
      '/zh/versions/2024',
    ])
  })

  it('gives each URL its lastmod from the update date and every language alternate', () => {
    $('url').each((_, url) => {
      expect($(url).find('lastmod').text()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      const alternates = $(url)
        .find('xhtml\\:link')
        .map((_, link) => link.attribs.hreflang)
        .get()
      expect(alternates).toEqual(['nb', 'en', 'zh-Hans', 'x-default'])
    })
    expect($('url lastmod').first().text()).toBe('2024-01-01')
  })
})

describe('/robots.txt', () => {
  it('allows everything and names the sitemap', async () => {
    const response = await request(site.app).get('/robots.txt').expect(200)
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(response.text).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${testBaseUrl}/sitemap.xml\n`)
  })
})

describe('/.well-known/security.txt', () => {
  it('has Contact, a computed Expires within a year, Preferred-Languages and Canonical', async () => {
    const response = await request(site.app).get('/.well-known/security.txt').expect(200)
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8')
    const fields = response.text
      .trim()
      .split('\n')
      .map((line) => line.split(': '))
    expect(fields).toContainEqual(['Contact', `mailto:${site.site.content.site.contact.email}`])
    expect(fields).toContainEqual(['Preferred-Languages', 'nb, en, zh'])
    expect(fields).toContainEqual(['Canonical', `${testBaseUrl}/.well-known/security.txt`])
    const expires = Date.parse(fields.find(([name]) => name === 'Expires')?.[1] ?? '')
    const days = (expires - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(300)
    expect(days).toBeLessThan(365)
  })

  it('computes Expires from the time the content was built', async () => {
    const built = await createTestSite({ now: new Date('2030-03-15T10:00:00Z') })
    const response = await request(built.app).get('/.well-known/security.txt').expect(200)
    expect(response.text).toContain('Expires: 2031-03-10T00:00:00.000Z')
  })
})

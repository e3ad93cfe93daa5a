import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseFeed } from '@rowanmanning/feed-parser'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse, visibleText } from '../helpers/html.js'
import { seedLine } from '../helpers/seed.js'
import { createTestSite, type TestSite, testBaseUrl } from '../helpers/test-site.js'

// biome-ignore lint/suspicious/noExplicitAny: tests reach into arbitrary locale JSON
type Json = any

import { copyLocales } from '../helpers/locale-copy.js'
import { addVersion, versionedLocales } from '../helpers/versions.js'

// Version 2027-01-01 takes effect at midnight in Oslo: 2026-12-31T23:00:00Z.
const before = new Date('2026-12-01T12:00:00Z')
const lastMoment = new Date('2026-12-31T22:59:59.999Z')
const takesEffect = new Date('2026-12-31T23:00:00.000Z')

let localesDir: string
const sites = new Map<string, TestSite>()
async function siteAt(now: Date): Promise<TestSite> {
  const key = now.toISOString()
  const known = sites.get(key)
  if (known) return known
  const site = await createTestSite({ sources: { localesDir }, now })
  sites.set(key, site)
  return site
}
const page = async (now: Date, urlPath: string) =>
  parse(
    (
      await request((await siteAt(now)).app)
        .get(urlPath)
        .expect(200)
    ).text,
  )

beforeAll(() => {
  localesDir = versionedLocales()
})
afterAll(() => rmSync(localesDir, { recursive: true, force: true }))

describe('before a new version takes effect', () => {
  it('keeps the version in force on the notice, word for word', async () => {
    const $ = await page(before, '/nb/')
    expect(visibleText($, '#about p:first-of-type')).toBe(seedLine(5))
    expect($('#retention')).toHaveLength(0)
    expect($('#transfers')).toHaveLength(1)
  })

  it.each([
    [
      '/nb/',
      'En ny versjon av personvernerklæringen trer i kraft fra 1. januar 2027. Se hva som endres',
    ],
    [
      '/nb/cookies',
      'En ny versjon av personvernerklæringen trer i kraft fra 1. januar 2027. Se hva som endres',
    ],
    [
      '/nb/contact',
      'En ny versjon av personvernerklæringen trer i kraft fra 1. januar 2027. Se hva som endres',
    ],
    [
      '/en/',
      'A new version of the privacy notice takes effect from January 1, 2027. See what changes',
    ],
    ['/zh/versions', '新版隐私政策将于2027年1月1日生效。 查看修改内容'],
  ])('announces it on %s, linking to the comparison', async (urlPath, words) => {
    const $ = await page(before, urlPath)
    const announcement = $('main .announcement')
    expect(visibleText($, 'main .announcement')).toBe(words)
    expect(announcement.find('time').attr('datetime')).toBe('2027-01-01')
    const lng = urlPath.split('/')[1]
    expect(announcement.find('a').attr('href')).toBe(`/${lng}/versions/2024/compare/2027-01-01`)
  })

  it('is still announced at the last moment before midnight in Oslo', async () => {
    const $ = await page(lastMoment, '/nb/')
    expect($('main .announcement')).toHaveLength(1)
    expect(visibleText($, '#about p:first-of-type')).toBe(seedLine(5))
  })

  it('lists both versions, newest first, with standing, dates, summaries and links', async () => {
    const $ = await page(before, '/nb/versions')
    expect($('meta[name="robots"]')).toHaveLength(0)
    expect($('h1').text()).toBe('Versjoner av personvernerklæringen')
    const items = $('.version-list > li')
      .map((_, item) => ({
        title: visibleText($, $(item).find('h2')),
        text: $(item)
          .find('p')
          .map((_, p) => visibleText($, p))
          .get(),
        links: $(item)
          .find('a')
          .map((_, a) => a.attribs.href)
          .get(),
      }))
      .get()
    expect(items).toEqual([
      {
        title: 'Versjon som gjelder fra 1. januar 2027',
        text: [
          'Gjelder ikke ennå · Oppdatert: 20. november 2026',
          'Vi lagrer i Norge, og sier hvor lenge vi lagrer.',
        ],
        links: ['/nb/versions/2027-01-01', '/nb/versions/2024/compare/2027-01-01'],
      },
      {
        title: 'Versjon som gjelder fra 2024',
        text: [
          'Gjelder nå · Oppdatert: 2024',
          'Første publiserte versjon av personvernerklæringen.',
          'Les hele versjonen',
        ],
        links: ['/nb/versions/2024'],
      },
    ])
  })

  it('shows the coming version in full, marked as not yet in force and not for search results', async () => {
    const $ = await page(before, '/nb/versions/2027-01-01')
    expect($('meta[name="robots"]').attr('content')).toBe('noindex')
    expect($('h1').text()).toBe('Personvernerklæring, versjon fra 1. januar 2027')
    expect($('title').text()).toBe(
      'Personvernerklæring, versjon fra 1. januar 2027 – Eksempel Handel AS',
    )
    expect($('link[rel="canonical"]').attr('href')).toBe(`${testBaseUrl}/nb/versions/2027-01-01`)
    expect(visibleText($, '.version-status p:first-child')).toBe(
      'Dette er en ny versjon. Den trer i kraft fra 1. januar 2027 og gjelder ikke ennå.',
    )
    expect($('.version-status a').first().attr('href')).toBe('/nb/')
    expect(visibleText($, '#retention h2')).toBe('Hvor lenge vi lagrer')
    expect(visibleText($, '#about p:first-of-type')).toContain('gjøre tjenesten enklere')
    expect(
      $('.language-switcher a')
        .map((_, a) => a.attribs.href)
        .get(),
    ).toEqual(['/nb/versions/2027-01-01', '/en/versions/2027-01-01', '/zh/versions/2027-01-01'])
  })
})

describe('the comparison', () => {
  const url = '/nb/versions/2024/compare/2027-01-01'

  it('marks the changed words with <ins> and <del>, with words a screen reader reads out', async () => {
    const $ = await page(before, url)
    expect($('meta[name="robots"]').attr('content')).toBe('noindex')
    // The announcement does not link to the page it is on.
    expect(visibleText($, 'main .announcement')).toBe(
      'En ny versjon av personvernerklæringen trer i kraft fra 1. januar 2027.',
    )
    expect($('main .announcement a')).toHaveLength(0)
    const about = $('#about')
    expect(about.find('del').text()).toBe('[Fjernet: bedre]')
    expect(about.find('ins').text()).toBe('[Lagt til: enklere]')
    expect(about.find('.visually-hidden').first().text()).toBe('[Fjernet: ')
    expect(visibleText($, '#about .compare-section__change')).toBe('Endret')
  })

  it('shows an added paragraph, a removed section and a new section, each labelled', async () => {
    const $ = await page(before, url)
    expect($('#security ins').text()).toBe('[Lagt til: Vi lagrer opplysningene dine i Norge.]')
    expect(visibleText($, '#transfers .compare-section__change')).toBe('Fjernet del')
    expect($('#transfers del').text()).toContain('Vi er eit kinesisk selskap')
    expect($('#transfers ins')).toHaveLength(0)
    expect(visibleText($, '#retention .compare-section__change')).toBe('Ny del')
    expect(visibleText($, '#retention h2')).toBe('[Lagt til: Hvor lenge vi lagrer]')
    expect(visibleText($, '#principles summary')).toBe('Våre prinsipper')
    expect($('#principles ins, #principles del')).toHaveLength(0)
    // The removed section stands where it stood among the changed: after about, before security.
    const order = $('section.compare-section')
      .map((_, section) => section.attribs.id)
      .get()
    expect(order).toEqual(['about', 'transfers', 'security', 'retention'])
    expect(visibleText($, '.compare-legend')).toBe(
      'Tekst som er lagt til, er understreket. Tekst som er fjernet, er gjennomstreket.',
    )
  })

  it('compares Chinese word by word, though it has no spaces between words', async () => {
    const $ = await page(before, '/zh/versions/2024/compare/2027-01-01')
    expect($('#security ins').text()).toBe('【新增： 我们在挪威存储您的数据。】')
    expect($('html').attr('lang')).toBe('zh-Hans')
  })
})

describe('when the new version takes effect', () => {
  it('shows it on the notice from midnight in Oslo, with no announcement', async () => {
    const $ = await page(takesEffect, '/nb/')
    expect($('main .announcement')).toHaveLength(0)
    expect(visibleText($, '#about p:first-of-type')).toContain('gjøre tjenesten enklere')
    expect(visibleText($, '#retention h2')).toBe('Hvor lenge vi lagrer')
    expect($('#transfers')).toHaveLength(0)
    expect(visibleText($, '.policy-dates')).toContain('Oppdateringstid: 20. november 2026')
  })

  it('marks the earlier version as no longer in force, with its dates', async () => {
    const $ = await page(takesEffect, '/nb/versions/2024')
    expect(visibleText($, '.version-status p:first-child')).toBe(
      'Dette er en tidligere versjon. Den gjaldt fra 2024 til 1. januar 2027 og gjelder ikke lenger.',
    )
    expect(visibleText($, '#about p:first-of-type')).toBe(seedLine(5))
    const list = await page(takesEffect, '/nb/versions')
    expect(
      list('.version-list > li strong')
        .map((_, s) => list(s).text())
        .get(),
    ).toEqual(['Gjelder nå', 'Gjelder ikke lenger'])
  })
})

describe('addresses that are not versions', () => {
  it.each([
    '/nb/versions/2025',
    '/nb/versions/2027-01-01/compare/2024',
    '/nb/versions/2024/compare/2024',
    '/nb/versions/2024.json',
    '/nb/versions/..%2F..%2Fpackage.json',
    '/nb/versions/%2e%2e/%2e%2e/versions.json',
    '/xx/versions',
    '/nb/changes.rss',
  ])('%s is not found', async (urlPath) => {
    const response = await request((await siteAt(before)).app).get(urlPath)
    expect(response.status).toBe(404)
    expect(response.text).toContain('Fant ikke siden')
  })

  it('redirects /nb/versions/ to /nb/versions', async () => {
    const response = await request((await siteAt(before)).app)
      .get('/nb/versions/')
      .redirects(0)
    expect(response.status).toBe(301)
    expect(response.headers.location).toBe('/nb/versions')
  })
})

describe('/{lng}/changes.atom', () => {
  it('is linked from every page of the language', async () => {
    for (const urlPath of ['/nb/', '/nb/cookies', '/nb/versions', '/nb/versions/2024']) {
      const $ = await page(before, urlPath)
      const link = $('link[rel="alternate"][type="application/atom+xml"]')
      expect(link.attr('href'), urlPath).toBe('/nb/changes.atom')
      expect(link.attr('title'), urlPath).toBe('Endringer i personvernerklæringen')
    }
  })

  it('is an Atom feed with one entry per version, newest first, each linking to what changed', async () => {
    const response = await request((await siteAt(before)).app)
      .get('/nb/changes.atom')
      .expect(200)
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8')
    const feed = parseFeed(response.text)
    expect(feed.meta.type).toBe('atom')
    expect(feed.title).toBe('Endringer i personvernerklæringen')
    expect(feed.language).toBe('nb')
    expect(feed.self).toBe(`${testBaseUrl}/nb/changes.atom`)
    expect(
      feed.items.map((item) => ({
        id: item.id,
        title: item.title,
        url: item.url,
        summary: item.description,
        updated: item.updated?.toISOString(),
      })),
    ).toEqual([
      {
        id: `${testBaseUrl}/nb/versions/2027-01-01`,
        title: 'Versjon som gjelder fra 1. januar 2027',
        url: `${testBaseUrl}/nb/versions/2024/compare/2027-01-01`,
        summary: 'Vi lagrer i Norge, og sier hvor lenge vi lagrer.',
        updated: '2026-11-19T23:00:00.000Z',
      },
      {
        id: `${testBaseUrl}/nb/versions/2024`,
        title: 'Versjon som gjelder fra 2024',
        url: `${testBaseUrl}/nb/versions/2024`,
        summary: 'Første publiserte versjon av personvernerklæringen.',
        updated: '2023-12-31T23:00:00.000Z',
      },
    ])
    expect(feed.updated?.toISOString()).toBe('2026-11-19T23:00:00.000Z')
    expect(feed.authors.map((author) => author.name)).toEqual(['Eksempel Handel AS'])
  })

  it('is well-formed XML', async (context) => {
    if (spawnSync('xmllint', ['--version']).status !== 0) {
      context.skip('xmllint is not installed (apt-get install libxml2-utils)')
    }
    const response = await request((await siteAt(before)).app)
      .get('/zh/changes.atom')
      .expect(200)
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'feed-')), 'changes.atom')
    writeFileSync(file, response.text)
    const result = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})

describe('the sitemap', () => {
  it('lists the list of versions in every language, and no single version', async () => {
    const response = await request((await siteAt(before)).app)
      .get('/sitemap.xml')
      .expect(200)
    const $ = parse(response.text)
    const locs = $('loc')
      .map((_, loc) => $(loc).text())
      .get()
    expect(locs).toEqual(
      expect.arrayContaining([`${testBaseUrl}/nb/versions`, `${testBaseUrl}/zh/versions`]),
    )
    expect(locs.some((loc) => /\/versions\/\d/.test(loc))).toBe(false)
  })
})

describe('what staff write in a version', () => {
  it('shows a summary as text on the list and in the feed, whatever characters it holds', async () => {
    const copy = copyLocales()
    const summary = 'Vi <b>lagrer</b> & "sletter" <script>x</script>'
    addVersion(copy, {
      effective: '2027-01-01',
      updated: '2026-11-20',
      summaries: { nb: summary, en: 'Changed.', zh: '已修改。' },
      change: (_lng, json) => {
        json.note = `${json.note}.`
      },
    })
    const { app } = await createTestSite({ sources: { localesDir: copy.dir }, now: before })
    const list = parse((await request(app).get('/nb/versions').expect(200)).text)
    expect(list('.version-list > li').first().find('.version-summary').text()).toBe(summary)
    expect(list('.version-list b, .version-list script')).toHaveLength(0)
    const feed = parseFeed((await request(app).get('/nb/changes.atom').expect(200)).text)
    expect(feed.items[0]?.description).toBe(summary)
  })

  it('shows a changed web address in a link as changed words', async () => {
    const copy = copyLocales()
    const withLink = (address: string) => (_lng: string, json: Json) => {
      json.sections.rights.paragraphs[2] = `Klag til [Datatilsynet](${address}).`
    }
    const summaries = { nb: 'Lenke.', en: 'Link.', zh: '链接。' }
    addVersion(copy, {
      effective: '2027-01-01',
      updated: '2026-11-20',
      summaries,
      change: withLink('https://www.datatilsynet.no/'),
    })
    addVersion(copy, {
      effective: '2027-06-01',
      updated: '2026-11-21',
      summaries,
      change: withLink('https://www.datatilsynet.no/klage/'),
    })
    const { app } = await createTestSite({ sources: { localesDir: copy.dir }, now: before })
    const $ = parse(
      (await request(app).get('/nb/versions/2027-01-01/compare/2027-06-01').expect(200)).text,
    )
    expect(visibleText($, '#rights .compare-section__change')).toBe('Endret')
    expect($('#rights > p ins').text()).toBe('[Lagt til: klage/]')
    expect($('#rights > p').last().text().replace('[Lagt til: klage/]', 'klage/')).toBe(
      'Klag til Datatilsynet (https://www.datatilsynet.no/klage/).',
    )
  })
})

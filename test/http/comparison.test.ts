import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { CheerioAPI } from 'cheerio'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse, visibleText } from '../helpers/html.js'
import { copyLocales } from '../helpers/locale-copy.js'
import { createTestSite } from '../helpers/test-site.js'
import { addVersion, beforeVersion2027, versionedLocales } from '../helpers/versions.js'

/** The comparison leads with what changed: counted, listed, shown first; the rest closed. */

let localesDir: string
beforeAll(() => {
  localesDir = versionedLocales()
})
afterAll(() => rmSync(localesDir, { recursive: true, force: true }))

const sites = new Map<string, ReturnType<typeof createTestSite>>()
const comparison = async (lng: string, dir = localesDir) => {
  let site = sites.get(dir)
  if (!site) {
    site = createTestSite({ sources: { localesDir: dir }, now: beforeVersion2027 })
    sites.set(dir, site)
  }
  const response = await request((await site).app)
    .get(`/${lng}/versions/2024/compare/2027-01-01`)
    .expect(200)
  return parse(response.text)
}

/** The section ids of both versions, as staff configured them in the version files. */
function sectionIds(dir: string, lng: string, versions: readonly string[]): string[] {
  const ids = versions.flatMap((version) =>
    Object.keys(
      JSON.parse(readFileSync(path.join(dir, lng, 'versions', `${version}.json`), 'utf8')).sections,
    ),
  )
  return [...new Set(ids)]
}

const ids = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, element) => $(element).attr('id'))
    .get()

// What version 2027-01-01 of the test content changes (test/helpers/versions.ts): one word of
// `about` in Norwegian only, a paragraph added to `security`, `transfers` removed, `retention` new.
const changes = {
  nb: {
    changed: ['about', 'transfers', 'security', 'retention'],
    count: (total: number) => `4 av ${total} deler er endret.`,
    nav: 'Endrede deler',
    unchanged: 'Uendrede deler',
    descriptions: [
      '1 ord fjernet og 1 ord lagt til',
      'Fjernet del',
      '1 avsnitt lagt til',
      'Ny del',
    ],
    whole: 'Vis hele avsnitt',
    labels: ['Før', 'Etter'],
    absent: 'Avsnittet finnes ikke i denne versjonen.',
    sentence: 'Vi lagrer opplysningene dine i Norge.',
  },
  en: {
    changed: ['transfers', 'security', 'retention'],
    count: (total: number) => `3 of ${total} sections have changed.`,
    nav: 'Changed sections',
    unchanged: 'Unchanged sections',
    descriptions: ['Removed section', '1 paragraph added', 'New section'],
    whole: 'Show whole paragraphs',
    labels: ['Before', 'After'],
    absent: 'Not in this version.',
    sentence: 'We store your data in Norway.',
  },
  zh: {
    changed: ['transfers', 'security', 'retention'],
    count: (total: number) => `共${total}个部分，其中3个已修改。`,
    nav: '已修改的部分',
    unchanged: '未修改的部分',
    descriptions: ['删除部分', '新增1个段落', '新增部分'],
    whole: '显示完整段落',
    labels: ['修改前', '修改后'],
    absent: '此版本中没有该段落。',
    sentence: '我们在挪威存储您的数据。',
  },
}

describe.each(Object.entries(changes))('the comparison in %s', (lng, expected) => {
  it('says at the top how many sections of all changed', async () => {
    const $ = await comparison(lng)
    const total = sectionIds(localesDir, lng, ['2024', '2027-01-01']).length
    expect(visibleText($, '.compare-count')).toBe(expected.count(total))
    expect($('.compare-count').index()).toBeLessThan($('.compare-section').first().index())
  })

  it('lists the changed sections in a labelled menu, each linking to its section with what changed', async () => {
    const $ = await comparison(lng)
    const nav = $('nav.compare-nav')
    const label = nav.attr('aria-labelledby') ?? ''
    expect(visibleText($, `#${label}`)).toBe(expected.nav)
    const links = nav.find('li a')
    expect(links.map((_, a) => a.attribs.href).get()).toEqual(
      expected.changed.map((id) => `#${id}`),
    )
    for (const id of expected.changed) expect($(`section#${id}`)).toHaveLength(1)
    expect(
      nav
        .find('.compare-nav__changes')
        .map((_, element) => $(element).text())
        .get(),
    ).toEqual(expected.descriptions)
  })

  it('shows the changed sections first and every other section closed, under its heading', async () => {
    const $ = await comparison(lng)
    const all = sectionIds(localesDir, lng, ['2024', '2027-01-01'])
    expect(ids($, 'section.compare-section')).toEqual(expected.changed)
    const unchanged = ids($, 'details[id]')
    expect([...unchanged].sort()).toEqual(all.filter((id) => !expected.changed.includes(id)).sort())
    expect(visibleText($, '#unchanged-sections-heading')).toBe(expected.unchanged)
    const sequence = ids($, 'section.compare-section, details[id]')
    expect(sequence).toEqual([...expected.changed, ...unchanged])
    for (const id of unchanged) {
      const details = $(`details#${id}`)
      expect(details.attr('open'), id).toBeUndefined()
      expect(details.children().first().is('summary'), id).toBe(true)
      expect(details.find('p').length, id).toBeGreaterThan(0)
    }
  })

  it('shows each changed paragraph whole, before and after', async () => {
    const $ = await comparison(lng)
    const whole = $('#security details.compare-whole')
    expect(whole.children('summary').text()).toBe(expected.whole)
    const sides = whole.find('dl > div')
    expect(
      sides
        .find('dt')
        .map((_, dt) => $(dt).text())
        .get(),
    ).toEqual(expected.labels)
    expect(visibleText($, sides.eq(0).find('dd'))).toBe(expected.absent)
    expect(visibleText($, sides.eq(1).find('dd'))).toBe(expected.sentence)
  })
})

describe('the whole-paragraph view of a changed word', () => {
  it('shows the paragraph as it was and as it is, without marks', async () => {
    const $ = await comparison('nb')
    const sides = $('#about details.compare-whole dd')
    expect(sides).toHaveLength(2)
    expect(visibleText($, sides.eq(0))).toContain('gjøre tjenesten bedre')
    expect(visibleText($, sides.eq(1))).toContain('gjøre tjenesten enklere')
    expect(sides.find('ins, del')).toHaveLength(0)
  })
})

describe('a comparison in which no section changed', () => {
  it.each([
    ['nb', 'Ingen deler er endret.'],
    ['en', 'No section has changed.'],
    ['zh', '所有部分均未修改。'],
  ])('says so in %s, lists nothing and keeps every section closed', async (lng, words) => {
    const copy = copyLocales()
    addVersion(copy, {
      effective: '2027-01-01',
      updated: '2026-11-20',
      summaries: { nb: 'Ingen endring.', en: 'No change.', zh: '无修改。' },
      change: () => {},
    })
    const $ = await comparison(lng, copy.dir)
    expect(visibleText($, '.compare-count')).toBe(words)
    expect($('nav.compare-nav, section.compare-section, .compare-legend')).toHaveLength(0)
    expect(ids($, 'details[id]')).toEqual(sectionIds(copy.dir, lng, ['2024']))
  })
})

import { readFileSync } from 'node:fs'
import path from 'node:path'
import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { fixtureLocalesDir } from '../helpers/fixture-content.js'
import { parse } from '../helpers/html.js'
import { copyLocales } from '../helpers/locale-copy.js'
import { createTestSite, type TestSite } from '../helpers/test-site.js'
import { addVersion } from '../helpers/versions.js'

let site: TestSite
beforeAll(async () => {
  site = await createTestSite()
})

const page = async (app: TestSite['app'], url: string) =>
  parse((await request(app).get(url).expect(200)).text)

const squeezed = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The summary lines as the test content's version 2024 writes them. */
const writtenLines = (lng: string): { text: string; section: string }[] =>
  JSON.parse(readFileSync(path.join(fixtureLocalesDir, lng, 'versions', '2024.json'), 'utf8'))
    .inBrief

const languages = [
  {
    lng: 'nb',
    heading: 'Kort fortalt',
    note: 'Dette er et sammendrag. Det er den fullstendige teksten nedenfor som gjelder.',
    first: 'Vi samler inn personlig informasjon når du registrerer deg på nettstedet vårt',
  },
  {
    lng: 'en',
    heading: 'In brief',
    note: 'This is a summary. The full text below is what applies.',
    first: 'We collect personal information when you register on our website',
  },
  {
    lng: 'zh',
    heading: '简要说明',
    note: '这是摘要。以下完整文本为准。',
    first: '当您在我们的网站上注册',
  },
]

describe.each(languages)('the summary at the top of /$lng/', ({ lng, heading, note, first }) => {
  it.each([`/${lng}/`, `/${lng}/versions/2024`])(
    '%s: a labelled block between the dates and the contents, saying the full text applies',
    async (url) => {
      const $ = await page(site.app, url)
      const block = $('main section.in-brief')
      expect(block).toHaveLength(1)
      const title = block.find('h2')
      expect(title.text()).toBe(heading)
      expect(block.attr('aria-labelledby')).toBe(title.attr('id'))
      expect(block.find('p').first().text()).toBe(note)
      expect(block.prevAll('.policy-dates')).toHaveLength(1)
      expect(block.nextAll('nav.toc')).toHaveLength(1)
      expect(block.find('script')).toHaveLength(0)
    },
  )

  it('shows each line, ending with a link to the section it sums up, by its heading', async () => {
    const $ = await page(site.app, `/${lng}/`)
    const items = $('main .in-brief li')
    const written = writtenLines(lng)
    expect(items.length).toBeGreaterThanOrEqual(4)
    expect(items.length).toBe(written.length)
    expect(squeezed(items.first().text())).toContain(first)
    items.each((index, item) => {
      const line = written[index] as { text: string; section: string }
      const links = $(item).find('a')
      const href = links.last().attr('href') ?? ''
      expect(href).toBe(`#${line.section}`)
      const section = $(`main section.notice-section[id="${href.slice(1)}"]`)
      expect(section, href).toHaveLength(1)
      expect(squeezed(links.last().text())).toBe(`→ ${section.find('h2').text()}`)
      expect(links.last().find('[aria-hidden="true"]').text().trim()).toBe('→')
      expect(squeezed($(item).text())).toBe(squeezed(`${line.text} → ${section.find('h2').text()}`))
    })
  })

  it('keeps the summary apart from the notice: no section of the notice holds it', async () => {
    const $ = await page(site.app, `/${lng}/`)
    expect($('main .notice-section .in-brief')).toHaveLength(0)
    expect($('main .in-brief .notice-section')).toHaveLength(0)
    expect($('main nav.toc a[href="#in-brief-heading"]')).toHaveLength(0)
  })
})

describe('a summary in each published version', () => {
  it('shows a version its own summary, and the one in force on the notice', async () => {
    const copy = copyLocales()
    addVersion(copy, {
      effective: '2027-01-01',
      updated: '2026-11-20',
      summaries: { nb: 'Ny versjon.', en: 'New version.', zh: '新版本。' },
      change: (lng, json) => {
        json.inBrief = [
          { text: { nb: 'Kortere.', en: 'Shorter.', zh: '更短。' }[lng], section: 'security' },
        ]
      },
    })
    const later = await createTestSite({
      sources: { localesDir: copy.dir },
      now: new Date('2027-02-01T12:00:00Z'),
    })
    const current = await page(later.app, '/nb/')
    expect(squeezed(current('main .in-brief li').text())).toBe('Kortere. → Sikkerhet')
    expect(current('main .in-brief a').attr('href')).toBe('#security')
    const earlier = await page(later.app, '/nb/versions/2024')
    expect(earlier('main .in-brief li')).toHaveLength(writtenLines('nb').length)
  })
})

import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { CheerioAPI } from 'cheerio'
import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { fixtureLocalesDir } from '../helpers/fixture-content.js'
import { parse, visibleText } from '../helpers/html.js'
import { readSiteConfig, siteConfigWith } from '../helpers/site-config.js'
import { createTestSite, type TestSite } from '../helpers/test-site.js'

const { languages } = readSiteConfig()

/** The invitation as the test content's locale file words it. */
const invite = (lng: string): { text: string; link: string } =>
  JSON.parse(readFileSync(path.join(fixtureLocalesDir, lng, 'request.json'), 'utf8')).invite

const withRequests = (privacyRequests: unknown) =>
  siteConfigWith((json) => {
    json.privacyRequests = privacyRequests
  })

const page = async (site: TestSite, url: string) =>
  parse((await request(site.app).get(url).expect(200)).text)

/** The notice's own paragraphs of a section, without the links the page adds after them. */
const ownParagraphs = ($: CheerioAPI, id: string) =>
  $(`#${id} > p:not(.request-invite, .back-to-contents)`)
    .toArray()
    .map((paragraph) => $.html(paragraph))

describe('the invitation to send a privacy request, with the form on', () => {
  let on: TestSite
  let off: TestSite
  beforeAll(async () => {
    on = await createTestSite({
      env: { SITE_CONFIG: withRequests({ enabled: true, retentionMonths: 12 }) },
    })
    off = await createTestSite()
  })

  it('is checked in every configured language', () => {
    expect(languages.length).toBeGreaterThan(1)
    expect(on.site.responses.languages).toEqual(languages)
  })

  describe.each(languages)('%s', (lng) => {
    it.each(['rights', 'contact'])(
      'follows the paragraphs of the notice section #%s and links to the form',
      async (id) => {
        const $ = await page(on, `/${lng}/`)
        const paragraphs = $(`#${id} > p`)
        const block = paragraphs.filter('.request-invite')
        expect(block).toHaveLength(1)
        // After the notice's paragraphs, before the link back to the contents.
        expect(paragraphs.index(block)).toBe(paragraphs.length - 2)
        expect(visibleText($, block)).toBe(`${invite(lng).text} ${invite(lng).link}`)
        const link = block.find('a')
        expect(link.attr('href')).toBe(`/${lng}/request`)
        expect(link.text()).toBe(invite(lng).link)
      },
    )

    it('is in no other section of the notice', async () => {
      const $ = await page(on, `/${lng}/`)
      expect($('main .request-invite')).toHaveLength(2)
      expect($(`main a[href="/${lng}/request"]`)).toHaveLength(2)
    })

    it('leaves every sentence of the notice as it was', async () => {
      const [with$, without$] = [await page(on, `/${lng}/`), await page(off, `/${lng}/`)]
      for (const id of ['rights', 'contact']) {
        expect(ownParagraphs(without$, id).length).toBeGreaterThan(0)
        expect(ownParagraphs(with$, id)).toEqual(ownParagraphs(without$, id))
      }
    })

    it('is near the top of the contact page, after its introduction', async () => {
      const $ = await page(on, `/${lng}/contact`)
      const block = $('main .request-invite')
      expect(block).toHaveLength(1)
      expect(block.prev().is('p.lead')).toBe(true)
      expect(visibleText($, block)).toBe(`${invite(lng).text} ${invite(lng).link}`)
      expect(block.find('a').attr('href')).toBe(`/${lng}/request`)
      expect(block.find('a').text()).toBe(invite(lng).link)
    })
  })
})

describe.each([
  ['absent', undefined],
  ['turned off', { enabled: false }],
])('with privacyRequests %s', (_name, privacyRequests) => {
  let site: TestSite
  beforeAll(async () => {
    site =
      privacyRequests === undefined
        ? await createTestSite()
        : await createTestSite({ env: { SITE_CONFIG: withRequests(privacyRequests) } })
  })

  it('no page links to the form or invites to it', async () => {
    const pages = site.site.responses.paths.filter((url) =>
      languages.some((lng) => url.startsWith(`/${lng}/`)),
    )
    expect(pages.length).toBeGreaterThanOrEqual(languages.length * 3)
    for (const url of pages) {
      const { text } = await request(site.app).get(url).expect(200)
      expect(text, url).not.toMatch(/\/[a-z-]+\/request\b/)
      expect(text, url).not.toContain('request-invite')
      for (const lng of languages) expect(text, url).not.toContain(invite(lng).link)
    }
  })
})

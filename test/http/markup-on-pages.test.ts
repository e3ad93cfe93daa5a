import { readFileSync } from 'node:fs'
import path from 'node:path'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { checkContent } from '../../src/check/check-content.js'
import { fixtureLocalesDir, fixtureSiteConfig } from '../helpers/fixture-content.js'
import { parse, visibleText } from '../helpers/html.js'
import { copyLocales } from '../helpers/locale-copy.js'
import { seedLine } from '../helpers/seed.js'
import { createTestSite } from '../helpers/test-site.js'

describe('markup in the text, as visitors see it', () => {
  it('shows the list that staff add after "inkludert:", and the checker stops warning', async () => {
    const copy = copyLocales()
    const lists = {
      nb: '- å levere tjenesten du har bedt om\n- å [svare deg](page:contact) når du kontakter oss',
      en: '- to provide the service you asked for\n- to [answer you](page:contact) when you contact us',
      zh: '- 提供您所要求的服务\n- 在您联系我们时[答复您](page:contact)',
    }
    for (const [lng, list] of Object.entries(lists)) {
      copy.editNotice(lng, (json) => {
        json.sections.processing.paragraphs.splice(1, 0, list)
      })
    }
    const { app } = await createTestSite({ sources: { localesDir: copy.dir } })
    const $ = parse((await request(app).get('/nb/').expect(200)).text)
    const intro = $('#processing p').filter((_, p) => $(p).text() === seedLine(10))
    const list = intro.next('ul')
    expect(
      list
        .find('li')
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(['å levere tjenesten du har bedt om', 'å svare deg når du kontakter oss'])
    expect(list.find('a').attr('href')).toBe('/nb/contact')
    const warnings = checkContent({
      localesDir: copy.dir,
      siteConfigPath: fixtureSiteConfig,
      env: {},
    }).findings
    expect(warnings.some((finding) => finding.message.includes('no list follows'))).toBe(false)
  })

  it('shows a script, an event attribute and a javascript: link as plain text', async () => {
    const copy = copyLocales()
    const hostile =
      'Se <script>alert(1)</script> og <img src=x onerror=alert(2)> og [dette](javascript:alert(3)).'
    copy.editNotice('nb', (json) => {
      json.sections.about.paragraphs[0] = hostile
    })
    // The checker refuses the javascript: link; the page would still show it as text.
    const { errors, draftErrors } = checkContent({
      localesDir: copy.dir,
      siteConfigPath: fixtureSiteConfig,
      env: {},
    })
    // Once where staff write the text, once in the published version.
    expect(
      [...draftErrors, ...errors].map((error) => [
        error.file.split('/').slice(-2).join('/'),
        error.message,
      ]),
    ).toEqual([
      ['nb/draft.json', expect.stringContaining('link target "javascript:alert(3" is not allowed')],
      [
        'versions/2024.json',
        expect.stringContaining('link target "javascript:alert(3" is not allowed'),
      ],
    ])
    copy.editNotice('nb', (json) => {
      json.sections.about.paragraphs[0] = hostile.replace('(javascript:alert(3))', '')
    })
    const { app } = await createTestSite({ sources: { localesDir: copy.dir } })
    const $ = parse((await request(app).get('/nb/').expect(200)).text)
    expect($('script:not([type="application/ld+json"])')).toHaveLength(0)
    expect($('img')).toHaveLength(0)
    expect($('[onerror]')).toHaveLength(0)
    expect(visibleText($, '#about')).toContain(
      'Se <script>alert(1)</script> og <img src=x onerror=alert(2)> og [dette].',
    )
  })
})

describe("translator's notes", () => {
  const prefixOf = (lng: string) =>
    JSON.parse(readFileSync(path.join(fixtureLocalesDir, lng, 'common.json'), 'utf8')).translation
      .translatorNote
  const notes = {
    en: 'The Norwegian sentence breaks off here.',
    zh: '挪威语原文的句子在此中断。',
  }

  it.each(Object.entries(notes))(
    '%s: a note is its own element, introduced for screen readers in the page language',
    async (lng, note) => {
      const copy = copyLocales()
      copy.editNotice(lng, (json) => {
        json.sections.about.paragraphs[0] = `Words of the company, our […] [[${note}]]`
      })
      const { app } = await createTestSite({ sources: { localesDir: copy.dir } })
      const $ = parse((await request(app).get(`/${lng}/`).expect(200)).text)
      const paragraph = $('#about p').first()
      const marked = paragraph.find('span.translator-note')
      expect(marked).toHaveLength(1)
      expect(marked.find('.visually-hidden').text()).toBe(`${prefixOf(lng)} `)
      expect(marked.text()).toBe(`${prefixOf(lng)} ${note}`)
      // The company's words stay outside the note.
      expect(paragraph.clone().find('.translator-note').remove().end().text().trim()).toBe(
        'Words of the company, our […]',
      )
    },
  )

  it('shows the words of a note as text, never as markup', async () => {
    const copy = copyLocales()
    copy.editNotice('en', (json) => {
      json.sections.about.paragraphs[0] = 'Text. [[<img src=x onerror=alert(1)> *not emphasis*]]'
    })
    const { app } = await createTestSite({ sources: { localesDir: copy.dir } })
    const $ = parse((await request(app).get('/en/').expect(200)).text)
    const marked = $('#about .translator-note')
    expect(marked.find('img, em')).toHaveLength(0)
    expect(marked.text()).toContain('<img src=x onerror=alert(1)> *not emphasis*')
  })

  it.each([
    [
      'in the Norwegian text',
      'nb',
      'Vi har [[en merknad]].',
      "a translator's note ([[…]]) in the Norwegian text",
    ],
    [
      'not closed',
      'en',
      'Our words [[a note that never ends.',
      "has a translator's note that is not closed",
    ],
    ['empty', 'en', 'Our words [[ ]].', "has a translator's note that is not closed or is empty"],
  ])('the checker refuses a note %s', (_what, lng, text, message) => {
    const copy = copyLocales()
    copy.editNotice(lng, (json) => {
      json.sections.about.paragraphs[0] = text
    })
    const { errors, draftErrors } = checkContent({
      localesDir: copy.dir,
      siteConfigPath: fixtureSiteConfig,
      env: {},
    })
    const messages = [...draftErrors, ...errors].map((error) => error.message)
    expect(messages.some((found) => found.includes(message))).toBe(true)
  })

  it('the checker accepts a note in a translation', () => {
    const copy = copyLocales()
    copy.editNotice('en', (json) => {
      json.sections.about.paragraphs[0] = `Our words, our […] [[${notes.en}]]`
    })
    const { errors, draftErrors } = checkContent({
      localesDir: copy.dir,
      siteConfigPath: fixtureSiteConfig,
      env: {},
    })
    expect([...draftErrors, ...errors]).toEqual([])
  })
})

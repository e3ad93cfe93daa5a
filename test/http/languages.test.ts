import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse, visibleText } from '../helpers/html.js'
import { createTestSite, type TestSite, testBaseUrl } from '../helpers/test-site.js'

let site: TestSite
beforeAll(async () => {
  site = await createTestSite()
})

const languages = [
  { lng: 'nb', tag: 'nb', name: 'Norsk bokmål', ogLocale: 'nb_NO' },
  { lng: 'en', tag: 'en', name: 'English', ogLocale: 'en_GB' },
  { lng: 'zh', tag: 'zh-Hans', name: '简体中文', ogLocale: 'zh_CN' },
]
const pages = ['', 'cookies', 'contact']
const cases = languages.flatMap((language) =>
  pages.map((page) => ({ ...language, page, path: `/${language.lng}/${page}` })),
)

describe.each(cases)('$path', ({ lng, tag, ogLocale, page, path }) => {
  let $: ReturnType<typeof parse>
  let headers: Record<string, string>
  beforeAll(async () => {
    const response = await request(site.app).get(path).expect(200)
    $ = parse(response.text)
    headers = response.headers as Record<string, string>
  })

  it('declares its language in <html lang> and Content-Language', () => {
    expect($('html').attr('lang')).toBe(tag)
    expect(headers['content-language']).toBe(tag)
  })

  it('has an absolute canonical and the full, reciprocal set of hreflang alternates', () => {
    expect($('link[rel="canonical"]').attr('href')).toBe(`${testBaseUrl}${path}`)
    const alternates = $('link[rel="alternate"][hreflang]')
      .map((_, link) => [[$(link).attr('hreflang'), $(link).attr('href')]])
      .get()
    expect(alternates).toEqual([
      ['nb', `${testBaseUrl}/nb/${page}`],
      ['en', `${testBaseUrl}/en/${page}`],
      ['zh-Hans', `${testBaseUrl}/zh/${page}`],
      ['x-default', `${testBaseUrl}/nb/${page}`],
    ])
  })

  it('has a description, Open Graph and a privacy-policy link', () => {
    expect($('meta[name="description"]').attr('content')?.length).toBeGreaterThan(15)
    const ogTitle = $('meta[property="og:title"]').attr('content') ?? ''
    expect(ogTitle.length).toBeGreaterThan(1)
    expect($('title').text().startsWith(`${ogTitle} – `)).toBe(true)
    expect($('meta[property="og:description"]').attr('content')).toBe(
      $('meta[name="description"]').attr('content'),
    )
    expect($('meta[property="og:url"]').attr('content')).toBe(`${testBaseUrl}${path}`)
    expect($('meta[property="og:locale"]').attr('content')).toBe(ogLocale)
    expect(
      $('meta[property="og:locale:alternate"]')
        .map((_, meta) => $(meta).attr('content'))
        .get(),
    ).toEqual(languages.filter((other) => other.lng !== lng).map((other) => other.ogLocale))
    expect($('link[rel="privacy-policy"]').attr('href')).toBe(`${testBaseUrl}/${lng}/`)
  })

  it('has parsable JSON-LD: the WebPage and the Organization', () => {
    const scripts = $('script[type="application/ld+json"]')
    expect(scripts).toHaveLength(1)
    const data = JSON.parse(scripts.text())
    const webPage = data['@graph'].find((node: { '@type': string }) => node['@type'] === 'WebPage')
    const organisation = data['@graph'].find(
      (node: { '@type': string }) => node['@type'] === 'Organization',
    )
    expect(webPage).toMatchObject({
      url: `${testBaseUrl}${path}`,
      inLanguage: tag,
      dateModified: '2024',
      isPartOf: { '@type': 'WebSite', url: `${testBaseUrl}/` },
    })
    expect(webPage.name).toBe($('meta[property="og:title"]').attr('content'))
    expect(organisation.address).toMatchObject({
      '@type': 'PostalAddress',
      addressLocality: 'Guangzhou',
      addressCountry: 'CN',
    })
    expect(organisation.contactPoint).toMatchObject({
      '@type': 'ContactPoint',
      telephone: '+86-20-39252892',
      email: site.site.content.site.contact.email,
      availableLanguage: ['Norsk bokmål', 'English', '简体中文'],
    })
  })

  it('has a language switcher to the same page in every language, each named in itself', () => {
    const links = $('nav.language-switcher a')
      .map((_, a) => [[$(a).attr('href'), $(a).attr('hreflang'), $(a).attr('lang'), $(a).text()]])
      .get()
    expect(links).toEqual(
      languages.map((other) => [`/${other.lng}/${page}`, other.tag, other.tag, other.name]),
    )
    expect($('nav.language-switcher a[aria-current="true"]').attr('hreflang')).toBe(tag)
  })

  it('says near the top, on a translation, that the Norwegian version prevails', () => {
    const notice = $('main .translation-notice')
    if (lng === 'nb') {
      expect(notice).toHaveLength(0)
      return
    }
    expect(notice).toHaveLength(1)
    expect($('main').children().first().is('.translation-notice')).toBe(true)
    expect(notice.find(`a[href="/nb/${page}"]`).attr('hreflang')).toBe('nb')
    expect(visibleText($, 'main .translation-notice').length).toBeGreaterThan(20)
  })

  it('keeps the notice in one stable <main>', () => {
    expect($('main#main')).toHaveLength(1)
    expect($('h1')).toHaveLength(1)
  })
})

describe('translated content', () => {
  it('the English notice has the same sections, in the same order, as the Norwegian', async () => {
    const ids = async (lng: string) =>
      parse((await request(site.app).get(`/${lng}/`)).text)('main section[id]')
        .map((_, section) => section.attribs.id)
        .get()
    const nb = await ids('nb')
    expect(await ids('en')).toEqual(nb)
    expect(await ids('zh')).toEqual(nb)
  })

  it('translated pages link within their own language', async () => {
    const $ = parse((await request(site.app).get('/en/')).text)
    expect($('main a[href="/en/cookies"]').length).toBe(1)
    expect($('main a[href^="/en/contact"]').length).toBeGreaterThanOrEqual(4)
    expect($('main a[href^="/nb/contact"]').length).toBe(0)
  })
})

describe('the language of / and of error pages', () => {
  it.each([
    ['nb-NO,nb;q=0.9', '/nb/'],
    ['en-US,en;q=0.9', '/en/'],
    ['zh-CN,zh;q=0.9', '/zh/'],
    ['fr', '/nb/'],
    ['en;q=abc', '/nb/'],
  ])('Accept-Language %s redirects / to %s, varying on the header', async (header, location) => {
    const response = await request(site.app).get('/').set('Accept-Language', header).expect(302)
    expect(response.headers.location).toBe(location)
    expect(response.headers.vary).toContain('Accept-Language')
  })

  it('ignores a language in the query string or a cookie: it is never read from them', async () => {
    for (const query of [
      '?lng=en',
      '?lng=../../etc/passwd',
      '?lng=__proto__',
      '?lng=en&lng=zh',
      '?lng[]=zh',
    ]) {
      const response = await request(site.app)
        .get(`/${query}`)
        .set('Cookie', 'i18next=../../secret; lng=__proto__')
      expect(response.status).toBe(302)
      expect(response.headers.location).toBe('/nb/')
    }
    await request(site.app).get('/nb/?lng=zh').expect(200).expect('Content-Language', 'nb')
  })

  it('a page missing in a known language answers 404 in that language', async () => {
    const $ = parse((await request(site.app).get('/zh/missing').expect(404)).text)
    expect($('html').attr('lang')).toBe('zh-Hans')
  })

  it('a path without a language answers 404 in the visitor language', async () => {
    const response = await request(site.app)
      .get('/missing')
      .set('Accept-Language', 'en-GB')
      .expect(404)
    expect(parse(response.text)('html').attr('lang')).toBe('en')
    expect(parse(response.text)('meta[name="robots"]').attr('content')).toBe('noindex')
  })
})

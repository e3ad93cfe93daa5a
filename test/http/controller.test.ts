import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { parse, visibleText } from '../helpers/html.js'
import { siteConfigWith } from '../helpers/site-config.js'
import { createTestSite } from '../helpers/test-site.js'

const jsonLd = ($: ReturnType<typeof parse>) =>
  JSON.parse($('script[type="application/ld+json"]').text())['@graph'].find(
    (node: { '@type': string }) => node['@type'] === 'Organization',
  )

describe('the controller, the company responsible for the data', () => {
  it.each([
    ['/nb/contact', 'Behandlingsansvarlig Eksempel Handel AS, org.nr. 999 999 999'],
    ['/en/contact', 'Controller Eksempel Handel AS, organisation number 999 999 999'],
    ['/zh/contact', '个人信息处理者 Eksempel Handel AS, 组织编号 999 999 999'],
    ['/nb/', 'Behandlingsansvarlig: Eksempel Handel AS, org.nr. 999 999 999'],
  ])('is named in the contact details of %s', async (path, line) => {
    const { app } = await createTestSite()
    const $ = parse((await request(app).get(path).expect(200)).text)
    expect(visibleText($, 'main address')).toContain(line)
  })

  it('is the Organization of the structured data, with its name and number', async () => {
    const { app } = await createTestSite()
    const $ = parse((await request(app).get('/nb/contact').expect(200)).text)
    expect(jsonLd($)).toMatchObject({
      name: 'Eksempel Handel AS',
      legalName: 'Eksempel Handel AS',
      identifier: '999 999 999',
    })
    expect($('title').text()).toBe('Kontakt oss – Eksempel Handel AS')
  })

  it('is named nowhere while the configuration has a placeholder, nor escapes as markup', async () => {
    const placeholder = await createTestSite({
      env: {
        SITE_CONFIG: siteConfigWith((json) => {
          json.controller = { name: '[Selskapets registrerte navn]' }
        }),
      },
    })
    const $ = parse((await request(placeholder.app).get('/nb/contact').expect(200)).text)
    expect(visibleText($, 'main')).not.toContain('Behandlingsansvarlig')
    expect(visibleText($, 'main')).not.toContain('Selskapets registrerte navn')
    expect(jsonLd($).name).toBeUndefined()

    const hostile = await createTestSite({
      env: {
        SITE_CONFIG: siteConfigWith((json) => {
          json.controller = { name: '<b>Firma</b> & Co AS' }
        }),
      },
    })
    const page = await request(hostile.app).get('/nb/contact').expect(200)
    expect(visibleText(parse(page.text), 'main address')).toContain('<b>Firma</b> & Co AS')
    expect(page.text).not.toContain('<b>Firma</b>')
  })
})

describe('the address and the complaint page in each language', () => {
  it('shows the address in Chinese on the Chinese pages, where the company gives one', async () => {
    const { app } = await createTestSite()
    const zh = parse((await request(app).get('/zh/contact').expect(200)).text)
    expect(visibleText(zh, 'main address')).toContain('地址 广州市番禺区大石街官坑村石中三路')
    const en = parse((await request(app).get('/en/contact').expect(200)).text)
    expect(visibleText(en, 'main address')).toContain('Address Shizhong Third Road')
  })

  it.each([
    ['nb', 'https://www.datatilsynet.no/om-datatilsynet/kontakt-oss/klage-til-datatilsynet/', 'nb'],
    [
      'en',
      'https://www.datatilsynet.no/en/about-us/contact-us/how-to-complain-to-the-norwegian-dpa/',
      'en',
    ],
    [
      'zh',
      'https://www.datatilsynet.no/en/about-us/contact-us/how-to-complain-to-the-norwegian-dpa/',
      'en',
    ],
  ])(
    'links /%s/contact to the authority’s page on complaints in its language, else English',
    async (lng, href, hreflang) => {
      const { app } = await createTestSite()
      const $ = parse((await request(app).get(`/${lng}/contact`).expect(200)).text)
      const link = $('#datatilsynet a')
      expect(link.attr('href')).toBe(href)
      expect(link.attr('hreflang')).toBe(hreflang)
    },
  )

  it('links the authority’s front page where no complaint page is configured', async () => {
    const { app } = await createTestSite({
      env: {
        SITE_CONFIG: siteConfigWith((json) => {
          delete json.authority.complaintPages
        }),
      },
    })
    const $ = parse((await request(app).get('/en/contact').expect(200)).text)
    expect($('#datatilsynet a').attr('href')).toBe('https://www.datatilsynet.no/')
  })
})

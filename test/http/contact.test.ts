import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse, visibleText } from '../helpers/html.js'
import { seedLine } from '../helpers/seed.js'
import { createTestSite, type TestSite } from '../helpers/test-site.js'

let site: TestSite
let $: ReturnType<typeof parse>
beforeAll(async () => {
  site = await createTestSite()
  $ = parse((await request(site.app).get('/nb/contact').expect(200)).text)
})

describe('the contact page', () => {
  it('gives the address exactly as the notice has it', () => {
    const address = seedLine(1).split(' +86')[0] ?? ''
    expect(address).toBe(
      'Shizhong Third Road, Guankeng Village, Dashi Street, Panyu District, Guangzhou',
    )
    expect(visibleText($, 'main address')).toContain(`Adresse ${address}`)
  })

  it('links the phone number and the configured email', () => {
    expect($('main address a[href="tel:+862039252892"]').text()).toBe('+86-20-39252892')
    const email = site.site.content.site.contact.email
    expect($(`main address a[href="mailto:${email}"]`).text()).toBe(email)
  })

  it('explains how to complain to Datatilsynet, at the anchor the notice links to', () => {
    const section = $('#datatilsynet')
    expect(section.find('h2').text()).toBe('Klage til Datatilsynet')
    expect(section.text()).toContain('tilsynsmyndigheten for personvern i Norge')
    // The authority's own page on complaints, in Norwegian.
    const link = section.find('a')
    expect(link.attr('href')).toBe(
      'https://www.datatilsynet.no/om-datatilsynet/kontakt-oss/klage-til-datatilsynet/',
    )
    expect(link.attr('hreflang')).toBe('nb')
    expect(link.text()).toBe('Slik klager du til Datatilsynet')
  })
})

describe('the email address', () => {
  const pages = ['/nb/', '/nb/cookies', '/nb/contact', '/nb/missing', '/nb/%ZZ']

  it.each(pages)('%s never shows the copy artefact "[email protected]"', async (path) => {
    const response = await request(site.app).get(path)
    expect(response.text).not.toContain('email protected')
    expect(response.text).not.toContain('email&#160;protected')
  })

  it('comes from site configuration', async () => {
    const other = await createTestSite({
      env: { SITE_CONFIG: 'test/fixtures/site-cookie-inventory.json' },
    })
    const page = parse((await request(other.app).get('/nb/')).text)
    expect(page('main address a[href="mailto:personvern@firma.example"]').text()).toBe(
      'personvern@firma.example',
    )
  })
})

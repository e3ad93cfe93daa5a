import request from 'supertest'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse, visibleText } from '../helpers/html.js'
import { seedLine } from '../helpers/seed.js'
import { createTestSite, type TestSite } from '../helpers/test-site.js'

let site: TestSite
let $: ReturnType<typeof parse>

beforeAll(async () => {
  site = await createTestSite()
  const response = await request(site.app).get('/nb/').expect(200)
  $ = parse(response.text)
})

const noticeLines = Array.from({ length: 23 }, (_, index) => index + 2)

describe('the Norwegian notice', () => {
  it.each(noticeLines)('shows seed line %i word for word', (line) => {
    expect(seedLine(line).length).toBeGreaterThan(10)
    expect(visibleText($, 'main')).toContain(seedLine(line))
  })

  it('puts the updated date, the effective date and the note at the top, dates in <time>', () => {
    const top = $('main .policy-dates p')
    expect(top.eq(0).text()).toBe('Oppdateringstid: 2024')
    expect(top.eq(1).text()).toBe('Virkningstidspunkt: 2024til Permanent')
    expect(top.eq(2).text()).toBe('Merknad:Denne avtalen er gyldig for permanent')
    expect(top.eq(0).find('time').attr('datetime')).toBe('2024')
    expect(top.eq(1).find('time').attr('datetime')).toBe('2024')
    const firstSection = $('main section').first()
    expect($('main .policy-dates').nextAll().index(firstSection)).toBeGreaterThanOrEqual(0)
  })

  it('has a table of contents that links to every section by its id', () => {
    const links = $('main nav.toc a')
    const sections = $('main section[id]')
    expect(links.length).toBeGreaterThanOrEqual(8)
    expect(links.length).toBe(sections.length)
    links.each((index, link) => {
      const id = $(link).attr('href')?.slice(1) ?? ''
      const section = sections.eq(index)
      expect(section.attr('id')).toBe(id)
      expect(section.find('h2').text()).toBe($(link).text())
    })
  })

  it('gives every section a short Norwegian heading', () => {
    const headings = $('main section h2')
      .map((_, heading) => $(heading).text())
      .get()
    expect(headings).toContain('Dine rettigheter')
    expect(headings).toContain('Informasjonskapsler')
    for (const heading of headings) expect(heading.length).toBeLessThanOrEqual(60)
  })

  it('links the cookie sentence to the cookie page', () => {
    const link = $('main a[href="/nb/cookies"]')
    expect(link.text()).toBe('vår informasjonskapselpolicy')
    expect(link.closest('p').text()).toBe(seedLine(23))
  })

  it('links every sentence that asks the reader to contact the company to the contact page', () => {
    for (const line of [12, 15, 20, 24]) {
      const paragraph = $('main p').filter((_, p) => $(p).text() === seedLine(line))
      expect(paragraph.length, `line ${line}`).toBe(1)
      expect(paragraph.find('a[href^="/nb/contact"]').length, `line ${line}`).toBeGreaterThan(0)
    }
  })

  it('ends with the contact block: address, tel: link and mailto: link to the configured email', () => {
    const block = $('main address')
    expect(block.length).toBe(1)
    expect(visibleText($, 'main address')).toContain(
      'Shizhong Third Road, Guankeng Village, Dashi Street, Panyu District, Guangzhou',
    )
    expect(block.find('a[href="tel:+862039252892"]').text()).toBe('+86-20-39252892')
    const email = site.site.content.site.contact.email
    expect(block.find(`a[href="mailto:${email}"]`).text()).toBe(email)
    expect(visibleText($, 'main address')).toContain(`E-postadresse: ${email}`)
  })
})

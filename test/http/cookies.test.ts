import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { parse, visibleText } from '../helpers/html.js'
import { siteConfigWith } from '../helpers/site-config.js'
import { createTestSite, fixture } from '../helpers/test-site.js'

describe('the cookie page with the shipped, empty inventory', () => {
  it('says plainly that this site sets no cookies, and that the list for the other sites is not published yet', async () => {
    const { app } = await createTestSite()
    const response = await request(app).get('/nb/cookies').expect(200)
    const $ = parse(response.text)
    const text = visibleText($, 'main')
    expect(text).toContain('Dette nettstedet setter ingen informasjonskapsler.')
    expect(text).toContain(
      'Vi har ennå ikke publisert oversikten over informasjonskapsler på våre andre nettsteder. Kontakt oss hvis du vil vite hvilke som brukes der.',
    )
    expect($('#other-sites').parent().find('a[href="/nb/contact"]').text()).toBe('Kontakt oss')
    // An empty list is not a statement that there are none.
    expect(text).not.toContain('Ingen andre selskaper')
    expect(text).toContain('innstillingene i nettleseren din')
    expect($('main table')).toHaveLength(0)
    expect(response.headers['set-cookie']).toBeUndefined()
    // Nothing to choose: no word about a signal that would choose for the visitor.
    expect($('#gpc')).toHaveLength(0)
    expect($('meta[name="description"]').attr('content')).not.toMatch(/hvilke/i)
  })

  it.each([
    ['en', 'We have not yet published the list of cookies on our other websites.'],
    ['zh', '我们尚未公布其他网站所使用的 Cookie 清单。'],
  ])('says the same in /%s/cookies', async (lng, sentence) => {
    const { app } = await createTestSite()
    const $ = parse((await request(app).get(`/${lng}/cookies`).expect(200)).text)
    expect(visibleText($, 'main')).toContain(sentence)
  })

  it('says no other company places cookies only once the list is declared complete', async () => {
    const { app } = await createTestSite({
      env: {
        SITE_CONFIG: siteConfigWith((json) => {
          json.cookieInventoryOfOtherSites = 'complete'
        }),
      },
    })
    const $ = parse((await request(app).get('/nb/cookies').expect(200)).text)
    expect(visibleText($, 'main')).toContain(
      'Ingen andre selskaper plasserer informasjonskapsler på våre andre nettsteder.',
    )
    expect(visibleText($, 'main')).not.toContain('ennå ikke publisert')
  })
})

describe('the cookie page with an inventory', () => {
  const rowsOf = ($: ReturnType<typeof parse>, caption: string) =>
    $('main table')
      .filter((_, table) => $(table).find('caption').text() === caption)
      .find('tbody tr')
      .map((_, row) => [
        $(row)
          .find('th, td')
          .map((_, cell) => $(cell).text())
          .get(),
      ])
      .get()

  it('lists the cookies this site sets and those of other companies, with duration in words', async () => {
    const { app } = await createTestSite({
      env: { SITE_CONFIG: fixture('site-cookie-inventory.json') },
    })
    const response = await request(app).get('/nb/cookies').expect(200)
    const $ = parse(response.text)
    expect($('main table thead th').first().text()).toBe('Navn')
    expect(rowsOf($, 'Informasjonskapsler på dette nettstedet')).toEqual([
      [
        'consent',
        'Dette nettstedet',
        'Husker valgene dine om informasjonskapsler, slik at vi ikke spør deg igjen.',
        'Strengt nødvendig',
        '182 dager',
      ],
      [
        '_shop_session',
        'Selskapet selv',
        'Husker handlekurven mens du handler.',
        'Strengt nødvendig',
        'Til nettleseren lukkes',
      ],
    ])
    expect(rowsOf($, 'Informasjonskapsler fra andre selskaper på våre andre nettsteder')).toEqual([
      [
        '_ga',
        'Google Ireland Limited',
        'Skiller besøkende fra hverandre i besøksstatistikken.',
        'Statistikk',
        '2 år',
      ],
      [
        '<img src=x onerror=alert(1)>',
        'Eksempel & Co',
        'Viser at tekst fra inventaret skrives ut som tekst.',
        'Markedsføring',
        '1 år og 6 måneder',
      ],
    ])
    expect($('main img')).toHaveLength(0)
    expect(visibleText($, 'main')).not.toContain('setter ingen informasjonskapsler')
  })
})

describe('the cookie page with cookies of other companies listed', () => {
  const inventory = fixture('site-cookie-inventory.json')

  it('says the list is not complete yet until it is declared so, and whom to ask', async () => {
    const { app } = await createTestSite({ env: { SITE_CONFIG: inventory } })
    const $ = parse((await request(app).get('/nb/cookies').expect(200)).text)
    const text = visibleText($, 'main')
    expect(text).toContain(
      'Disse selskapene plasserer informasjonskapsler på våre andre nettsteder:',
    )
    expect(text).toContain(
      'Oversikten over informasjonskapsler på våre andre nettsteder er ikke fullstendig ennå. Kontakt oss hvis du vil vite mer.',
    )
  })

  it('gives the list alone once it is declared complete', async () => {
    const complete = siteConfigWith((json) => {
      json.cookieInventoryOfOtherSites = 'complete'
    }, inventory)
    const { app } = await createTestSite({ env: { SITE_CONFIG: complete } })
    const $ = parse((await request(app).get('/nb/cookies').expect(200)).text)
    const text = visibleText($, 'main')
    expect(text).toContain(
      'Disse selskapene plasserer informasjonskapsler på våre andre nettsteder:',
    )
    expect(text).not.toContain('ikke fullstendig')
  })

  it('tells of Global Privacy Control where there is something to choose', async () => {
    const { app } = await createTestSite({
      env: { SITE_CONFIG: fixture('site-optional-cookies.json') },
    })
    const $ = parse((await request(app).get('/nb/cookies').expect(200)).text)
    expect(visibleText($, '#gpc')).toBe('Global Privacy Control')
    expect(visibleText($, 'main')).toContain('Et valg du lagrer i skjemaet, går foran signalet.')
  })
})

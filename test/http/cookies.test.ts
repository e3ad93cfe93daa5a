import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { parse, visibleText } from '../helpers/html.js'
import { createTestSite, fixture } from '../helpers/test-site.js'

describe('the cookie page with the shipped, empty inventory', () => {
  it('says plainly that this site sets no cookies and no other company places any', async () => {
    const { app } = await createTestSite()
    const response = await request(app).get('/nb/cookies').expect(200)
    const $ = parse(response.text)
    const text = visibleText($, 'main')
    expect(text).toContain('Dette nettstedet setter ingen informasjonskapsler.')
    expect(text).toContain(
      'Ingen andre selskaper plasserer informasjonskapsler på våre andre nettsteder.',
    )
    expect(text).toContain('innstillingene i nettleseren din')
    expect($('main table')).toHaveLength(0)
    expect(response.headers['set-cookie']).toBeUndefined()
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

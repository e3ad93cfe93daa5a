import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { siteWithCookiesOfTwoSites } from '../helpers/inventory-fixture.js'
import { browserAvailable, launchBrowser } from './browser.js'
import { type RunningSite, startSite } from './site-server.js'

const withInventory = siteWithCookiesOfTwoSites()

/** How many lines the text of each element matching `selector` takes, as the browser laid it out. */
const linesOf = (
  selector: string,
) => `[...document.querySelectorAll(${JSON.stringify(selector)})].map((element) => {
  const range = document.createRange()
  range.selectNodeContents(element)
  return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size
})`

/** What a phone shows: the page at a width, and where its parts are on the screen. */
describe.skipIf(!browserAvailable())('on a phone and at other widths', () => {
  let browser: Browser
  let site: RunningSite
  let shipped: RunningSite
  beforeAll(async () => {
    browser = await launchBrowser()
    site = await startSite({ SITE_CONFIG: withInventory })
    shipped = await startSite({}, { shipped: true })
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
    await shipped?.close()
  })

  async function at<T>(
    width: number,
    urlPath: string,
    look: (page: Page) => Promise<T>,
    on: RunningSite = site,
  ) {
    const context = await browser.newContext({ viewport: { width, height: 800 } })
    try {
      const page = await context.newPage()
      expect((await page.goto(`${on.origin}${urlPath}`))?.status()).toBe(200)
      return await look(page)
    } finally {
      await context.close()
    }
  }

  it.each(['/nb/cookies', '/en/cookies', '/zh/cookies'])(
    'shows every value of the cookie tables on screen at 320 px, each labelled, on %s',
    async (urlPath) => {
      const cells = await at(320, urlPath, (page) =>
        page.evaluate<{ right: number; label: string }[]>(
          `[...document.querySelectorAll('main table tbody td')].map((td) => ({
            right: td.getBoundingClientRect().right,
            label: getComputedStyle(td, '::before').content,
          }))`,
        ),
      )
      expect(cells.length).toBeGreaterThan(0)
      for (const cell of cells) {
        expect(cell.right).toBeLessThanOrEqual(320)
        expect(cell.label).not.toBe('none')
      }
    },
  )

  it('keeps the table a table for screen readers where its rows are stacked', async () => {
    const roles = await at(320, '/nb/cookies', (page) =>
      page.locator('main table').first().ariaSnapshot(),
    )
    expect(roles).toMatch(/^- table "Informasjonskapsler på dette nettstedet"/)
    expect(roles).toMatch(/- columnheader "Varighet"/)
    expect(roles).toMatch(/- rowheader "_shop_session"/)
  })

  it.each([
    [320, 'main tbody th code'],
    [768, 'main thead th, main tbody th code'],
    [1280, 'main thead th, main tbody th code'],
  ])(
    'never breaks a Chinese word or a cookie name in the tables at %i px',
    async (width, selector) => {
      const lines = await at(width, '/zh/cookies', (page) =>
        page.evaluate<number[]>(linesOf(selector)),
      )
      expect(lines.length).toBeGreaterThan(0)
      expect(lines.every((count) => count === 1)).toBe(true)
    },
  )

  it.each([
    ['/nb/', 'Personvernerklæring'],
    ['/nb/cookies', 'Informasjonskapsler'],
  ])('keeps the one-word title of %s on one line at 320 px', async (urlPath, title) => {
    const seen = await at(320, urlPath, async (page) => ({
      text: (await page.textContent('h1'))?.trim(),
      lines: (await page.evaluate<number[]>(linesOf('h1')))[0],
    }))
    expect(seen).toEqual({ text: title, lines: 1 })
  })
})

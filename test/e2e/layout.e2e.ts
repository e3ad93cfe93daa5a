import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageNames, pagePath } from '../../src/config/site-pages.js'
import { siteWithCookiesOfTwoSites } from '../helpers/inventory-fixture.js'
import { readSiteConfig } from '../helpers/site-config.js'
import { beforeVersion2027, versionedLocales } from '../helpers/versions.js'
import { browserAvailable, launchBrowser } from './browser.js'
import {
  backgroundLightness,
  charactersPerLine,
  contentsAfterScrolling,
  contentsPlace,
  cookieRowDisplays,
  elementsWiderThanScreen,
  headerHeight,
  wordsBrokenInside,
} from './layout-probes.js'
import { printedText } from './printed-text.js'
import { type RunningSite, startSite } from './site-server.js'

const siteConfig = siteWithCookiesOfTwoSites()
const { languages } = readSiteConfig(siteConfig)
const widths = [320, 768, 1280] as const
const schemes = ['light', 'dark'] as const
/** Where the contents list moves beside the text (68rem in the stylesheet). */
const sidebarFrom = 68 * 16
/** Every page of a language: the menu's, the list of versions, an earlier version and a comparison. */
const pagesOf = (lng: string) => [
  ...pageNames.map((name) => pagePath(lng, name)),
  `/${lng}/versions`,
  `/${lng}/versions/2024`,
  `/${lng}/versions/2024/compare/2027-01-01`,
]

/** The test content with a second version announced, and cookies of two sites. */
async function startTestSite(): Promise<{ site: RunningSite; locales: string }> {
  const locales = versionedLocales()
  const site = await startSite(
    { SITE_CONFIG: siteConfig },
    { localesDir: locales, now: beforeVersion2027 },
  )
  return { site, locales }
}

/** What visitors see at each width, light and dark, in every language, on every page of the menu. */
describe.skipIf(!browserAvailable())('the layout at 320, 768 and 1280 px, light and dark', () => {
  let browser: Browser
  let site: RunningSite
  let locales: string
  beforeAll(async () => {
    browser = await launchBrowser()
    ;({ site, locales } = await startTestSite())
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
    rmSync(locales, { recursive: true, force: true })
  })

  async function withScreen<T>(
    width: number,
    scheme: (typeof schemes)[number],
    look: (open: (urlPath: string) => ReturnType<BrowserContext['newPage']>) => Promise<T>,
  ): Promise<T> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      colorScheme: scheme,
    })
    try {
      const page = await context.newPage()
      return await look(async (urlPath) => {
        const response = await page.goto(`${site.origin}${urlPath}`)
        expect(response?.status()).toBe(200)
        return page
      })
    } finally {
      await context.close()
    }
  }

  const cases = widths.flatMap((width) =>
    schemes.flatMap((scheme) => languages.map((lng) => ({ width, scheme, lng }))),
  )

  it.each(cases)(
    '$lng at $width px, $scheme: nothing wider than the screen, no word broken, one header height',
    async ({ width, scheme, lng }) => {
      await withScreen(width, scheme, async (open) => {
        const heights = new Set<number>()
        for (const urlPath of pagesOf(lng)) {
          const page = await open(urlPath)
          const where = `${urlPath} at ${width} px, ${scheme}`
          expect(await page.evaluate<string[]>(elementsWiderThanScreen), where).toEqual([])
          expect(await page.evaluate<string[]>(wordsBrokenInside), where).toEqual([])
          const lightness = await page.evaluate<number>(backgroundLightness)
          if (scheme === 'dark') expect(lightness, where).toBeLessThan(0.2)
          else expect(lightness, where).toBeGreaterThan(0.8)
          heights.add(await page.evaluate<number>(headerHeight))
        }
        expect([...heights]).toHaveLength(1)
      })
    },
  )

  it.each(cases)(
    '$lng at $width px, $scheme: each cookie a card on a phone, a table row on a desktop',
    async ({ width, scheme, lng }) => {
      const rows = await withScreen(width, scheme, async (open) =>
        (await open(pagePath(lng, 'cookies'))).evaluate<string[]>(cookieRowDisplays),
      )
      expect(rows.length).toBeGreaterThan(0)
      if (width === 320) expect(new Set(rows)).toEqual(new Set(['block']))
      if (width === 1280) expect(new Set(rows)).toEqual(new Set(['table-row']))
    },
  )

  it.each(cases)(
    '$lng at $width px, $scheme: the contents beside the text, kept in view, only on wide screens',
    async ({ width, scheme, lng }) => {
      const seen = await withScreen(width, scheme, async (open) => {
        const page = await open(pagePath(lng, 'policy'))
        const place = await page.evaluate<{ position: string; beside: boolean }>(contentsPlace)
        const scrolled = await page.evaluate<{ top: number; bottom: number; screen: number }>(
          contentsAfterScrolling,
        )
        return { place, scrolled }
      })
      if (width >= sidebarFrom) {
        expect(seen.place).toEqual({ position: 'sticky', beside: true })
        expect(seen.scrolled.top).toBeGreaterThanOrEqual(0)
        expect(seen.scrolled.top).toBeLessThan(seen.scrolled.screen)
      } else {
        expect(seen.place).toEqual({ position: 'static', beside: false })
        expect(seen.scrolled.bottom).toBeLessThan(0)
      }
    },
  )

  it.each(languages.filter((lng) => lng !== 'zh'))(
    'sets the notice in %s at 60 to 75 characters a line on a wide screen',
    async (lng) => {
      const perLine = await withScreen(1280, 'light', async (open) =>
        (await open(pagePath(lng, 'policy'))).evaluate<number>(charactersPerLine),
      )
      expect(perLine).toBeGreaterThanOrEqual(60)
      expect(perLine).toBeLessThanOrEqual(75)
    },
  )
})

/** What a visitor gets on paper: Chromium's print to PDF, A4, read back as text. */
describe.skipIf(!browserAvailable())('on paper (print to PDF, A4)', () => {
  let browser: Browser
  let site: RunningSite
  let locales: string
  let folder: string
  beforeAll(async () => {
    browser = await launchBrowser()
    ;({ site, locales } = await startTestSite())
    folder = mkdtempSync(path.join(tmpdir(), 'printed-'))
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
    rmSync(locales, { recursive: true, force: true })
    rmSync(folder, { recursive: true, force: true })
  })

  /** The sheets of a page printed to PDF, as text, with main's last words and its links to pages. */
  async function print(urlPath: string) {
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      expect((await page.goto(`${site.origin}${urlPath}`))?.status()).toBe(200)
      await page.emulateMedia({ media: 'print' })
      const main = await page.evaluate<{ lastWords: string; pageLinks: string[] }>(`(() => {
        // The last words of main as printed: the end of its last text of some length shown on paper.
        const texts = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT)
        let lastWords = ''
        for (let text = texts.nextNode(); text; text = texts.nextNode()) {
          const shown = text.parentElement.getClientRects().length > 0
          if (shown && text.data.trim().length >= 20) lastWords = text.data.trim().slice(-30)
        }
        return {
          lastWords,
          pageLinks: [...document.querySelectorAll('main a[href^="/"]')]
            .filter((link) => link.getClientRects().length > 0)
            .map((link) => link.getAttribute('href')),
        }
      })()`)
      const file = path.join(folder, `${urlPath.replaceAll('/', '_')}.pdf`)
      writeFileSync(file, await page.pdf({ format: 'A4' }))
      return { sheets: printedText(file), ...main }
    } finally {
      await context.close()
    }
  }

  const printedPages = languages.flatMap(pagesOf)
  /** Text with its spaces and line breaks taken out, as a URL may be broken across two lines. */
  const squeezed = (text: string) => text.replace(/\s+/g, '')

  it.each(printedPages)(
    '%s: no sheet without the page’s text, absolute addresses after page links, none after tel: and mailto:',
    async (urlPath) => {
      const { sheets, lastWords, pageLinks } = await print(urlPath)
      // The last sheet carries the end of the page's text, not the footer alone.
      expect(squeezed(sheets.at(-1) ?? '')).toContain(squeezed(lastWords))
      const all = squeezed(sheets.join('\n'))
      for (const href of pageLinks) expect(all).toContain(squeezed(`(${site.origin}${href})`))
      expect(all).not.toMatch(/\((tel|mailto):/)
      // Which version, from when, and where it lives: on paper too.
      expect(all).toContain(squeezed(`${site.origin}${urlPath}`))
    },
  )

  it.each(languages.filter((lng) => lng !== 'zh'))(
    'prints the notice in %s at about 70 characters a line',
    async (lng) => {
      const { sheets } = await print(pagePath(lng, 'policy'))
      const lengths = sheets
        .flatMap((sheet) => sheet.split('\n'))
        .map((line) => line.trim().length)
        .filter((length) => length > 40)
        .sort((a, b) => a - b)
      const median = lengths[Math.floor(lengths.length / 2)] ?? 0
      expect(median).toBeGreaterThanOrEqual(60)
      expect(median).toBeLessThanOrEqual(80)
    },
  )
})

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedLine } from '../helpers/seed.js'
import { fixture } from '../helpers/test-site.js'
import { browserAvailable, launchBrowser } from './browser.js'
import { type RunningSite, startSite } from './site-server.js'

const focusedId = (page: Page) =>
  page.evaluate<string>('document.activeElement ? document.activeElement.id : ""')
const focusStyle = (page: Page) =>
  page.evaluate<{ outline: string; width: string; tag: string }>(
    `(() => { const s = getComputedStyle(document.activeElement); return { outline: s.outlineStyle, width: s.outlineWidth, tag: document.activeElement.tagName } })()`,
  )

describe.skipIf(!browserAvailable())('in a real browser', () => {
  let browser: Browser
  let site: RunningSite
  let choices: RunningSite
  beforeAll(async () => {
    browser = await launchBrowser()
    site = await startSite()
    choices = await startSite({ SITE_CONFIG: fixture('site-optional-cookies.json') })
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
    await choices?.close()
  })

  describe('with the keyboard', () => {
    it('the first Tab reaches the skip link, which moves focus to the main content', async () => {
      const page = await (await browser.newContext()).newPage()
      await page.goto(`${site.origin}/nb/`)
      await page.keyboard.press('Tab')
      expect(await page.evaluate<string>('document.activeElement.textContent')).toBe(
        'Hopp til hovedinnholdet',
      )
      expect(await page.locator('.skip-link').isVisible()).toBe(true)
      await page.keyboard.press('Enter')
      expect(await focusedId(page)).toBe('main')
      await page.context().close()
    })

    it('shows where the focus is on every link and button it reaches', async () => {
      const page = await (await browser.newContext()).newPage()
      await page.goto(`${choices.origin}/nb/cookies`)
      for (let step = 0; step < 25; step++) {
        await page.keyboard.press('Tab')
        const style = await focusStyle(page)
        if (style.tag === 'BODY') break
        expect(style.outline, `${style.tag} at Tab ${step + 1}`).not.toBe('none')
        expect(Number.parseFloat(style.width)).toBeGreaterThanOrEqual(2)
      }
      await page.context().close()
    })

    it('the table of contents moves focus to the section', async () => {
      const page = await (await browser.newContext()).newPage()
      await page.goto(`${site.origin}/en/`)
      await page.focus('nav.toc a[href="#rights"]')
      await page.keyboard.press('Enter')
      expect(await focusedId(page)).toBe('rights')
      expect(page.url()).toBe(`${site.origin}/en/#rights`)
      await page.context().close()
    })

    it('the language switcher keeps the visitor on the same page', async () => {
      const page = await (await browser.newContext()).newPage()
      await page.goto(`${site.origin}/nb/contact`)
      await page.focus('nav.language-switcher a[hreflang="zh-Hans"]')
      await page.keyboard.press('Enter')
      await page.waitForURL(`${site.origin}/zh/contact`)
      expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans')
      await page.context().close()
    })
  })

  describe('without JavaScript', () => {
    it('saves a choice with the form, confirms it, and sets the cookie as described', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false })
      const page = await context.newPage()
      await page.goto(`${choices.origin}/nb/cookies`)
      await page.check('#analytics-yes')
      await page.click('#preferences button[type="submit"]')
      await page.waitForURL(`${choices.origin}/nb/cookies?saved=1#preferences`)
      expect(await page.locator('[role="status"]').textContent()).toBe('Valgene dine er lagret.')
      expect(await page.isChecked('#analytics-yes')).toBe(true)
      const [cookie] = await context.cookies()
      expect(cookie).toMatchObject({
        name: 'consent',
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure: false,
      })
      const days = ((cookie?.expires ?? 0) * 1000 - Date.now()) / 86_400_000
      expect(days).toBeGreaterThan(181)
      expect(days).toBeLessThan(183)
      await context.close()
    })

    it('answers the banner, confirms the choice on the same page, and hides the confirmation', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false })
      const page = await context.newPage()
      await page.goto(`${choices.origin}/en/contact`)
      await page.click('.consent-banner button[value="reject"]')
      await page.waitForURL(`${choices.origin}/en/contact?saved=1`)
      expect(await page.locator('.consent-banner button').count()).toBe(0)
      expect(await page.getByRole('status').textContent()).toBe("You've rejected optional cookies.")
      expect((await context.cookies())[0]?.name).toBe('consent')
      await page.click('.consent-banner >> text=Hide this message')
      await page.waitForURL(`${choices.origin}/en/contact`)
      expect(await page.locator('.consent-banner').count()).toBe(0)
      expect(await page.locator('h1').textContent()).toBe('Contact us')
      await context.close()
    })

    it('reads every page and follows every menu link', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false })
      const page = await context.newPage()
      await page.goto(`${site.origin}/nb/`)
      for (const label of ['Informasjonskapsler', 'Kontakt oss', 'Personvernerklæring']) {
        await page.click(`nav.site-nav >> text=${label}`)
        expect(await page.locator('h1').count()).toBe(1)
      }
      await context.close()
    })
  })

  describe('in print', () => {
    it('hides navigation and forms, and the notice reads from start to end', async () => {
      const page = await (await browser.newContext()).newPage()
      await page.goto(`${choices.origin}/nb/`)
      await page.emulateMedia({ media: 'print' })
      for (const selector of [
        'nav.site-nav',
        'nav.language-switcher',
        'nav.toc',
        '.consent-banner',
        'form',
        '.skip-link',
        'footer nav',
      ]) {
        expect(await page.locator(selector).first().isVisible(), selector).toBe(false)
      }
      // innerText, not textContent: the point is the text as laid out for print.
      // biome-ignore lint/performance/useDomNodeTextContent: rendered text is what is tested
      const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ')
      let position = -1
      for (let line = 2; line <= 24; line++) {
        const next = text.indexOf(seedLine(line), position + 1)
        expect(next, `line ${line}`).toBeGreaterThan(position)
        position = next
      }
      const printedLink = await page.evaluate<string>(
        `getComputedStyle(document.querySelector('main a[href="/nb/cookies"]'), '::after').content`,
      )
      expect(printedLink).toContain('/nb/cookies')
      await page.context().close()
    })
  })
})

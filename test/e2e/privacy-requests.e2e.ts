import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Locator, Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestPath } from '../../src/config/site-pages.js'
import { formatPolicyDate, todayIn } from '../../src/content/dates.js'
import { dueDateOf } from '../../src/store/due-date.js'
import { fixtureLocalesDir } from '../helpers/fixture-content.js'
import { linkIn } from '../helpers/request-site.js'
import { readSiteConfig } from '../helpers/site-config.js'
import { browserAvailable, launchBrowser } from './browser.js'
import { elementsWiderThanScreen } from './layout-probes.js'
import { type RunningSite, startSite } from './site-server.js'

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']
const { languages } = readSiteConfig()
// biome-ignore lint/suspicious/noExplicitAny: the locale file's texts, read as the site reads them
const texts = (lng: string): any =>
  JSON.parse(readFileSync(path.join(fixtureLocalesDir, lng, 'request.json'), 'utf8'))
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_all, name: string) => values[name] ?? '')
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
const referenceShape = /PR-[0-9A-Z]{4}-[0-9A-Z]{4}/
/** The field the form hides from people and leaves for robots. */
const trapId = 'request-website'

/** What has the focus: its id, or its tag and text when it has none. */
const focused = (page: Page) =>
  page.evaluate<string>(
    `(() => { const at = document.activeElement; return at ? at.id || at.tagName.toLowerCase() + ' ' + at.textContent.trim() : '' })()`,
  )

/** Each term of a description list with its description, as shown. */
const factsOf = (list: Locator) =>
  list.evaluate(
    (dl) =>
      Object.fromEntries(
        [...dl.querySelectorAll('div')].map((row) => [
          row.querySelector('dt')?.textContent?.trim(),
          row.querySelector('dd')?.textContent?.trim(),
        ]),
      ) as Record<string, string>,
  )

/** Where an element is on the page, for "beside" and "above". */
const box = async (locator: Locator) => {
  const found = await locator.boundingBox()
  if (!found) throw new Error('not laid out')
  return found
}

describe.skipIf(!browserAvailable())('privacy requests in a browser without JavaScript', () => {
  let browser: Browser
  let site: RunningSite
  beforeAll(async () => {
    browser = await launchBrowser()
    site = await startSite({}, { requests: true })
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  /** The page each navigation of a page ended on: the server's answer, as it came. */
  const lastDocument = new WeakMap<Page, Response>()

  async function withoutScripts<T>(look: (page: Page) => Promise<T>): Promise<T> {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    })
    try {
      const page = await context.newPage()
      page.on('response', (response) => {
        if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) {
          lastDocument.set(page, response)
        }
      })
      return await look(page)
    } finally {
      await context.close()
    }
  }

  /**
   * axe-core (WCAG 2.2 A and AA) on the page shown, at 320 and 1280 px, light and dark, and
   * nothing wider than the screen at 320 px. axe needs scripts, so the page is shown again in a
   * browser with them on: the server's answer as it came (a receipt cannot be asked for twice),
   * its styles from the server. The site's pages run no scripts of their own.
   */
  async function expectAccessible(shown: Page, where: string) {
    const answer = lastDocument.get(shown)
    if (!answer) throw new Error(`${where}: no page shown`)
    const body = await answer.body()
    const headers = Object.fromEntries(
      Object.entries(await answer.allHeaders()).filter(
        ([name]) => !['content-encoding', 'content-length'].includes(name),
      ),
    )
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      await page.route(shown.url(), (route) =>
        route.fulfill({ status: answer.status(), headers, body }),
      )
      await page.goto(shown.url())
      await page.unrouteAll()
      for (const width of [320, 1280]) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const at = `${where} at ${width} px, ${colorScheme}`
          await page.setViewportSize({ width, height: 900 })
          await page.emulateMedia({ colorScheme })
          const results = await new AxeBuilder({ page, axeSource }).withTags(wcag).analyze()
          const violations = results.violations.map((violation) => ({
            rule: violation.id,
            targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
          }))
          expect(violations, at).toEqual([])
          if (width === 320) {
            expect(await page.evaluate<string[]>(elementsWiderThanScreen), at).toEqual([])
            const overflow = await page.evaluate<number>(
              'document.documentElement.scrollWidth - window.innerWidth',
            )
            expect(overflow, at).toBeLessThanOrEqual(0)
          }
        }
      }
    } finally {
      await context.close()
    }
  }

  /** Opens the form and checks it is the form of the language. */
  async function openForm(page: Page, lng: string) {
    const response = await page.goto(`${site.origin}${requestPath(lng)}`)
    expect(response?.status()).toBe(200)
    expect(await page.locator('h1').textContent()).toBe(texts(lng).heading)
  }

  /** Presses or clicks, and waits for the page the form's post answers with. */
  async function posted(page: Page, act: () => Promise<void>) {
    const answer = page.waitForResponse((response) => response.request().method() === 'POST')
    await act()
    const response = await answer
    await page.waitForLoadState()
    return response
  }

  it.each(languages)(
    '%s: the form sent empty comes back with a summary and each required field’s error beside it',
    async (lng) => {
      const words = texts(lng)
      await withoutScripts(async (page) => {
        await openForm(page, lng)
        await expectAccessible(page, 'the empty form')
        const response = await posted(page, () =>
          page.getByRole('button', { name: words.submit, exact: true }).click(),
        )
        expect(response.status()).toBe(422)
        expect(await page.title()).toMatch(new RegExp(`^${words.errors.titlePrefix}: `))

        const summary = page.locator('.error-summary')
        expect(await summary.isVisible()).toBe(true)
        expect(await summary.getAttribute('role')).toBe('alert')
        expect(await summary.locator('h2').textContent()).toBe(words.errors.summary)
        const required = [
          { field: 'kind', text: words.errors.kind.missing, target: '#request-kind-access' },
          { field: 'name', text: words.errors.name.missing, target: '#request-name' },
          { field: 'email', text: words.errors.email.missing, target: '#request-email' },
        ]
        const links = summary.locator('li a')
        expect(await links.allTextContents()).toEqual(required.map((error) => error.text))
        for (const [index, error] of required.entries()) {
          expect(await links.nth(index).getAttribute('href')).toBe(error.target)
        }

        // The kind: its error under the question, above the first choice, and read with the group.
        const kinds = page.locator('fieldset')
        const kindError = kinds.locator('.field-error')
        expect(await kindError.textContent()).toBe(
          `${words.errors.titlePrefix}: ${words.errors.kind.missing}`,
        )
        expect(await kindError.isVisible()).toBe(true)
        expect(await kinds.getAttribute('aria-describedby')).toBe(
          await kindError.getAttribute('id'),
        )
        const legend = await box(kinds.locator('legend'))
        const kindErrorBox = await box(kindError)
        expect(kindErrorBox.y).toBeGreaterThanOrEqual(legend.y + legend.height - 1)
        expect(kindErrorBox.y + kindErrorBox.height).toBeLessThanOrEqual(
          (await box(page.locator('#request-kind-access'))).y + 1,
        )

        // Name and email: the error between the label and the field, which points to it.
        for (const { field, text } of required.slice(1)) {
          const input = page.locator(`#request-${field}`)
          const group = page.locator('.field', { has: input })
          const error = group.locator('.field-error')
          expect(await error.textContent(), field).toBe(`${words.errors.titlePrefix}: ${text}`)
          expect(await error.isVisible(), field).toBe(true)
          expect(await input.getAttribute('aria-invalid'), field).toBe('true')
          expect((await input.getAttribute('aria-describedby'))?.split(' '), field).toContain(
            await error.getAttribute('id'),
          )
          const label = await box(group.locator('label'))
          const errorBox = await box(error)
          const inputBox = await box(input)
          expect(errorBox.y, field).toBeGreaterThanOrEqual(label.y + label.height - 1)
          expect(errorBox.y + errorBox.height, field).toBeLessThanOrEqual(inputBox.y + 1)
        }
        // The fields that may stay empty have no error.
        for (const field of ['details', 'customerReference']) {
          const group = page.locator('.field', { has: page.locator(`#request-${field}`) })
          expect(await group.locator('.field-error').count(), field).toBe(0)
        }
        expect(await page.locator('.field-error').count()).toBe(required.length)
        await expectAccessible(page, 'the form with errors')
      })
    },
  )

  it.each(languages)(
    '%s: sends a request, confirms it by the link in the email, and shows its status',
    async (lng) => {
      const words = texts(lng)
      const email = `browser-${lng}@example.no`
      await withoutScripts(async (page) => {
        await openForm(page, lng)
        const label = page.locator('.request-form label', {
          hasText: exactly(words.kinds.erasure.label),
        })
        await label.click()
        expect(
          await page
            .getByRole('radio', { name: words.kinds.erasure.label, exact: true })
            .isChecked(),
        ).toBe(true)
        await page.getByLabel(words.fields.name.label, { exact: true }).fill('Kari Nordmann')
        await page.getByLabel(words.fields.email.label, { exact: true }).fill(email)
        await page
          .getByLabel(words.fields.details.label, { exact: true })
          .fill('Slett kontoen min og alt dere har om meg.')
        const response = await posted(page, () =>
          page.getByRole('button', { name: words.submit, exact: true }).click(),
        )
        expect(response.status()).toBe(200)

        expect(await page.locator('h1').textContent()).toBe(words.sent.title)
        const status = (await page.getByRole('status').textContent()) ?? ''
        const reference = referenceShape.exec(status)?.[0] ?? ''
        expect(status).toBe(fill(words.sent.reference, { reference }))
        expect(await page.locator('main').textContent()).toContain(
          fill(words.sent.email, { email }),
        )
        await expectAccessible(page, 'the receipt')

        const desk = site.requests?.desk
        await (await desk?.outbox())?.sendDue()
        const mails = (await site.requests?.outboxMails()) ?? []
        const mail = mails.find((one) => one.subject?.includes(reference))
        expect(mail?.to).toMatchObject({ value: [{ address: email }] })
        const link = linkIn(mail as never, site.origin)
        expect(link.pathname).toMatch(new RegExp(`^/${lng}/request/confirm/[A-Za-z0-9_-]{43}$`))

        expect((await page.goto(link.href))?.status()).toBe(200)
        expect(await page.locator('h1').textContent()).toBe(words.confirm.title)
        await expectAccessible(page, 'the confirmation page')
        await page.getByRole('button', { name: words.confirm.button, exact: true }).click()
        await page.waitForURL(new RegExp(`/${lng}/request/[A-Za-z0-9_-]{43}\\?confirmed=1$`))

        expect(await page.locator('h1').textContent()).toBe(fill(words.status.title, { reference }))
        expect(await page.getByRole('status').textContent()).toBe(words.status.confirmed)
        const facts = await factsOf(page.locator('dl.request-facts'))
        const due = todayIn('Europe/Oslo', dueDateOf(new Date()).endsAt)
        expect(facts).toMatchObject({
          [words.status.facts.reference]: reference,
          [words.status.facts.kind]: words.kinds.erasure.label,
          [words.status.facts.dueBy]: formatPolicyDate(due, lng),
          [words.status.facts.status]: words.status.statuses.confirmed,
        })
        const dueShown = await page.locator('dl.request-facts time').nth(1).getAttribute('datetime')
        expect(dueShown).toBe(due)
        const days = (Date.parse(due) - Date.now()) / 86_400_000
        expect(days).toBeGreaterThan(26)
        expect(days).toBeLessThan(32)
        await expectAccessible(page, 'the status page')
      })
    },
  )

  it.each(languages)(
    '%s: the form is filled in and sent with Tab, Space, typing and Enter, the focus always shown',
    async (lng) => {
      const words = texts(lng)
      await withoutScripts(async (page) => {
        await openForm(page, lng)
        const path: string[] = []
        const press = async (key: string) => {
          await page.keyboard.press(key)
          const now = await focused(page)
          path.push(now)
          const outline = await page.evaluate<string>(
            'getComputedStyle(document.activeElement).outlineStyle',
          )
          expect(outline, `${now} after ${path.length} keys`).not.toBe('none')
          return now
        }
        // Through the header's links to the first choice of the form.
        for (let step = 0; (await focused(page)) !== 'request-kind-access'; step++) {
          expect(step, path.join(' ')).toBeLessThan(40)
          await press('Tab')
        }
        await page.keyboard.press('Space')
        expect(await page.isChecked('#request-kind-access')).toBe(true)
        expect(await press('Tab')).toBe('request-name')
        await page.keyboard.type('Ola Nordmann')
        expect(await press('Tab')).toBe('request-email')
        await page.keyboard.type(`keyboard-${lng}@example.no`)
        expect(await press('Tab')).toBe('request-details')
        await page.keyboard.type('Hva har dere lagret om meg?')
        expect(await press('Tab')).toBe('request-customerReference')
        // The trap field is skipped: the next stop is the button.
        await press('Tab')
        expect(await page.evaluate<string>('document.activeElement.textContent.trim()')).toBe(
          words.submit,
        )
        expect(path).not.toContain(trapId)
        const response = await posted(page, () => page.keyboard.press('Enter'))
        expect(response.status()).toBe(200)
        expect(await page.locator('h1').textContent()).toBe(words.sent.title)
        expect(await page.getByRole('status').textContent()).toMatch(referenceShape)
      })
    },
  )

  it.each(languages)(
    '%s: the trap field is out of the tab order and hidden from screen readers, yet in the form',
    async (lng) => {
      const words = texts(lng)
      await withoutScripts(async (page) => {
        await openForm(page, lng)
        // Every stop of the Tab key, from the top of the page round to the top again.
        const stops: string[] = []
        for (let step = 0; step < 80; step++) {
          await page.keyboard.press('Tab')
          const now = await focused(page)
          if (now.startsWith('body') || now === stops[0]) break
          stops.push(now)
        }
        expect(stops).toContain('request-customerReference')
        expect(stops).not.toContain(trapId)

        const trap = page.locator(`#${trapId}`)
        expect(await trap.getAttribute('tabindex')).toBe('-1')
        expect(await page.locator('.trap').getAttribute('aria-hidden')).toBe('true')
        // Not in the accessibility tree: no role or label finds it.
        const label = words.fields.website.label
        expect(await page.getByRole('textbox', { name: label }).count()).toBe(0)
        expect(await page.locator('main').ariaSnapshot()).not.toContain(label)
        // A robot reading the HTML sees an ordinary text field of the form, shown and enabled.
        const html = await (await fetch(`${site.origin}${requestPath(lng)}`)).text()
        expect(html).toMatch(/<input type="text" id="request-website" name="website" value=""/)
        expect(
          await page.evaluate(`(() => {
            const input = document.getElementById('${trapId}')
            const style = getComputedStyle(input)
            return {
              display: style.display,
              visibility: style.visibility,
              disabled: input.disabled,
              form: input.form && input.form.className,
            }
          })()`),
        ).toEqual({
          display: 'inline-block',
          visibility: 'visible',
          disabled: false,
          form: 'request-form',
        })
      })
    },
  )

  it('refuses a request with the trap field filled in, as a robot sends it', async () => {
    const [lng = ''] = languages
    const words = texts(lng)
    await withoutScripts(async (page) => {
      await openForm(page, lng)
      await page.locator('label', { hasText: exactly(words.kinds.question.label) }).click()
      await page.getByLabel(words.fields.name.label, { exact: true }).fill('Robot')
      await page.getByLabel(words.fields.email.label, { exact: true }).fill('robot@example.no')
      await page.locator(`#${trapId}`).fill('https://spam.example', { force: true })
      const response = await posted(page, () =>
        page.getByRole('button', { name: words.submit, exact: true }).click(),
      )
      expect(response.status()).toBe(400)
      expect(await page.locator('h1').textContent()).not.toBe(words.sent.title)
    })
  })
})

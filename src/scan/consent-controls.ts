import type { Page } from 'playwright-core'
import type { ConsentState } from './observation.js'

/** Where a site's banner takes a visitor's choice. */
export interface ConsentControls {
  readonly accept: string
  readonly reject: string
  /** False when the site offers nothing to choose, so a missing banner is right. */
  readonly required: boolean
}

/** This site's own banner: one form, two buttons. */
export const ownBanner = {
  accept: 'form button[name="all"][value="accept"]',
  reject: 'form button[name="all"][value="reject"]',
} as const

/**
 * Makes the state's choice on the page through the site's own control. Returns why it could
 * not, or undefined when it chose (or there was rightly nothing to choose).
 */
export async function chooseConsent(
  page: Page,
  state: ConsentState,
  controls: ConsentControls,
): Promise<string | undefined> {
  if (state === 'before') return undefined
  const selector = state === 'accepted' ? controls.accept : controls.reject
  let control: ReturnType<Page['locator']>
  try {
    control = page.locator(selector).first()
    if ((await control.count()) === 0) {
      return controls.required
        ? `could not choose: no control matches "${selector}" on ${page.url()}`
        : undefined
    }
  } catch {
    return `could not choose: "${selector}" is not a CSS selector`
  }
  try {
    await control.click({ timeout: 5_000 })
    await page.waitForLoadState('load')
    await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined)
  } catch (error) {
    return `could not choose: clicking "${selector}" failed (${(error as Error).message.split('\n')[0]})`
  }
  return undefined
}

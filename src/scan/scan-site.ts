import type { Browser, BrowserContextOptions } from 'playwright-core'
import type { ConsentControls } from './consent-controls.js'
import { consentStates, type SiteRecord, type StateRecord } from './observation.js'
import { sameSitePages } from './same-site-pages.js'
import { visitState } from './visit-state.js'

/** Whether the site answers at all, with why not, asked as the scan's profiles ask. */
async function unreachable(
  browser: Browser,
  url: string,
  profile: BrowserContextOptions,
): Promise<string | undefined> {
  const context = await browser.newContext(profile)
  try {
    const response = await context.request.get(url, { timeout: 15_000 })
    return response.ok() ? undefined : `${url} answered ${response.status()}`
  } catch (error) {
    const why = (error as Error).message.split('\n')[0]?.replace(/^apiRequestContext\.get: /, '')
    return `${url} could not be reached (${why})`
  } finally {
    await context.close()
  }
}

/** One site in its three consent states, each in a fresh profile, on the same pages. */
export async function scanSite(
  browser: Browser,
  urls: readonly string[],
  options: { pages: number; controls: ConsentControls; profile: BrowserContextOptions },
): Promise<SiteRecord> {
  const { profile, controls } = options
  const origin = new URL(urls[0] ?? '').origin
  const down = await unreachable(browser, urls[0] ?? '', profile)
  if (down) return { origin, pages: urls, states: [], failure: down }
  const pages = await sameSitePages(browser, urls, Math.max(options.pages, urls.length), profile)
  const states: StateRecord[] = []
  for (const state of consentStates) {
    const { record, failure } = await visitState(browser, state, pages, { controls, profile })
    if (failure) return { origin, pages, states, failure: `${state}: ${failure}` }
    states.push(record)
  }
  return { origin, pages, states }
}

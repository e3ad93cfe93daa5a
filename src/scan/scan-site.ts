import type { Browser } from 'playwright-core'
import type { ConsentControls } from './consent-controls.js'
import { consentStates, type SiteRecord, type StateRecord } from './observation.js'
import { sameSitePages } from './same-site-pages.js'
import { visitState } from './visit-state.js'

/** Whether the site answers at all, with why not. */
async function unreachable(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(15_000) })
    await response.body?.cancel()
    return response.ok ? undefined : `${url} answered ${response.status}`
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code
    return `${url} could not be reached (${cause ?? (error as Error).message})`
  }
}

/** One site in its three consent states, each in a fresh profile, on the same pages. */
export async function scanSite(
  browser: Browser,
  urls: readonly string[],
  options: { pages: number; controls: ConsentControls },
): Promise<SiteRecord> {
  const origin = new URL(urls[0] ?? '').origin
  const down = await unreachable(urls[0] ?? '')
  if (down) return { origin, pages: urls, states: [], failure: down }
  const pages = await sameSitePages(browser, urls, Math.max(options.pages, urls.length))
  const states: StateRecord[] = []
  for (const state of consentStates) {
    const { record, failure } = await visitState(browser, state, pages, options.controls)
    if (failure) return { origin, pages, states, failure: `${state}: ${failure}` }
    states.push(record)
  }
  return { origin, pages, states }
}

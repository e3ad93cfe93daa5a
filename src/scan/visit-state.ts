import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { type ConsentControls, chooseConsent } from './consent-controls.js'
import { cookieWriteRecorder, storageReader } from './cookie-writes.js'
import type {
  ConsentState,
  SeenCookie,
  SeenRequest,
  SeenStorage,
  StateRecord,
} from './observation.js'

interface StoredKeys {
  localStorage: string[]
  sessionStorage: string[]
  indexedDB: string[]
  cookieWrites: { name: string; script: string }[]
}

const originOf = (url: string): string => {
  try {
    return new URL(url).origin
  } catch {
    return ''
  }
}

/** Loads a page and waits until its scripts have had their say. */
async function load(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load', timeout: 20_000 })
  if (!response) throw new Error(`${url} gave no answer`)
  if (response.status() >= 400) throw new Error(`${url} answered ${response.status()}`)
  await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined)
}

/** Everything that may have set cookies: Set-Cookie names per response address. */
function watchContext(context: BrowserContext, origin: string, currentPage: () => string) {
  const setByResponse = new Map<string, string>()
  const requests: SeenRequest[] = []
  context.on('response', async (response) => {
    const values = await response.headerValues('set-cookie').catch(() => [])
    for (const line of values.flatMap((value) => value.split('\n'))) {
      const name = line.split('=')[0]?.trim()
      if (name && !setByResponse.has(name)) setByResponse.set(name, response.url())
    }
  })
  context.on('request', (request) => {
    const url = request.url()
    if (/^https?:/.test(url) && originOf(url) !== origin)
      requests.push({ url, page: currentPage() })
  })
  return { setByResponse, requests }
}

/**
 * One consent state in a fresh profile: the choice (if any) on the first page, then every
 * page in turn; what is stored is read after each page.
 */
export async function visitState(
  browser: Browser,
  state: ConsentState,
  pages: readonly string[],
  options: { controls: ConsentControls; profile: BrowserContextOptions },
): Promise<{ record: StateRecord; failure?: string }> {
  const origin = originOf(pages[0] ?? '')
  const context = await browser.newContext(options.profile)
  let current = pages[0] ?? ''
  const watched = watchContext(context, origin, () => current)
  const cookies = new Map<string, SeenCookie>()
  const storage = new Map<string, SeenStorage>()
  const scriptWrites = new Map<string, string>()
  let failure: string | undefined
  try {
    await context.addInitScript(cookieWriteRecorder)
    const page = await context.newPage()
    await load(page, current)
    failure = await chooseConsent(page, state, options.controls)
    for (const url of failure ? [] : pages) {
      current = url
      await load(page, url)
      const keys = (await page.evaluate(storageReader)) as StoredKeys
      for (const write of keys.cookieWrites) {
        if (!scriptWrites.has(write.name)) scriptWrites.set(write.name, write.script)
      }
      for (const kind of ['localStorage', 'sessionStorage', 'indexedDB'] as const) {
        for (const key of keys[kind]) {
          if (!storage.has(`${kind} ${key}`))
            storage.set(`${kind} ${key}`, { kind, key, page: url })
        }
      }
      const now = Date.now() / 1000
      for (const cookie of await context.cookies()) {
        const id = `${cookie.name};${cookie.domain};${cookie.path}`
        if (cookies.has(id)) continue
        const setBy =
          scriptWrites.get(cookie.name) ?? watched.setByResponse.get(cookie.name) ?? 'unknown'
        const setterOrigin = originOf(setBy)
        const host = new URL(url).hostname
        const firstParty = setterOrigin
          ? setterOrigin === origin
          : host === cookie.domain.replace(/^\./, '') || host.endsWith(cookie.domain)
        cookies.set(id, {
          name: cookie.name,
          domain: cookie.domain,
          path: cookie.path,
          ...(cookie.expires > 0 ? { lifetimeSeconds: Math.round(cookie.expires - now) } : {}),
          secure: cookie.secure,
          httpOnly: cookie.httpOnly,
          sameSite: cookie.sameSite,
          party: firstParty ? 'first' : 'third',
          setBy,
          page: url,
        })
      }
    }
  } catch (error) {
    failure = (error as Error).message.split('\n')[0]
  } finally {
    await context.close()
  }
  const record: StateRecord = {
    state,
    cookies: [...cookies.values()],
    storage: [...storage.values()],
    thirdPartyRequests: watched.requests,
  }
  return failure ? { record, failure } : { record }
}

import type { Browser, BrowserContextOptions } from 'playwright-core'

const linkReader = `Array.from(document.querySelectorAll('a[href]'), (a) => a.href)`

/**
 * The pages to scan: the addresses given, then same-origin links found on them, breadth
 * first, until there are `limit` pages. Fragments and other origins are left out.
 */
export async function sameSitePages(
  browser: Browser,
  start: readonly string[],
  limit: number,
  profile: BrowserContextOptions,
): Promise<string[]> {
  const origin = new URL(start[0] ?? '').origin
  const pages = [...new Set(start)]
  if (pages.length >= limit) return pages
  const context = await browser.newContext({ ...profile, javaScriptEnabled: false })
  try {
    const page = await context.newPage()
    for (let index = 0; index < pages.length && pages.length < limit; index++) {
      const response = await page.goto(pages[index] ?? '', { timeout: 20_000 }).catch(() => null)
      if (!response || response.status() >= 400) continue
      for (const href of (await page.evaluate(linkReader)) as string[]) {
        const url = new URL(href)
        url.hash = ''
        if (url.origin !== origin || pages.includes(url.href)) continue
        pages.push(url.href)
        if (pages.length >= limit) break
      }
    }
  } finally {
    await context.close()
  }
  return pages
}

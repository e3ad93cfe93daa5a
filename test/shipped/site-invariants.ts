import type { RequestListener } from 'node:http'
import request from 'supertest'
import { checkContent } from '../../src/check/check-content.js'
import { formatFinding } from '../../src/check/findings.js'
import { pageNames, pagePath, versionPath } from '../../src/config/site-pages.js'
import { quickCompression } from '../../src/prepare/prepared-response.js'
import { parse, visibleText } from '../helpers/html.js'
import { seedLine } from '../helpers/seed.js'
import { createTestSite, type TestSite } from '../helpers/test-site.js'

/**
 * What stays true of the site's content whatever staff do with it (publish a version, add a
 * section, a cookie or a language): checked on the shipped content, and on a copy after a
 * staff member's day. Each returns what is wrong, so that a test can expect nothing.
 */

export interface ContentFolders {
  readonly localesDir: string
  readonly siteConfigPath: string
}

/** The site built from these folders, as the server builds it. */
export function siteOf(folders: ContentFolders): Promise<TestSite> {
  return createTestSite({
    env: { SITE_CONFIG: folders.siteConfigPath },
    sources: { localesDir: folders.localesDir, compression: quickCompression },
  })
}

/** `npm run check`: no errors. */
export function checkerErrors(folders: ContentFolders): string[] {
  return checkContent({ ...folders, env: {} }).errors.map(formatFinding)
}

/** The company's notice (lines 2–24; line 1 is the contact line, line 25 the lost email) in version 2024. */
export async function missingSeedLines(site: TestSite): Promise<number[]> {
  const response = await request(site.app).get(versionPath('nb', '2024'))
  const text = visibleText(parse(response.text), 'main')
  return Array.from({ length: 23 }, (_, index) => index + 2).filter(
    (line) => seedLine(line).length < 10 || !text.includes(seedLine(line)),
  )
}

/** Every menu page of every configured language, and every prepared path, answers 200. */
export async function pagesNotAnswering(site: TestSite): Promise<string[]> {
  const menuPages = site.site.content.site.languages.flatMap((lng) =>
    pageNames.map((page) => pagePath(lng, page)),
  )
  const paths = [...new Set([...menuPages, ...site.site.responses.paths])]
  const failing: string[] = []
  for (const path of paths) {
    const response = await request(site.app).get(path)
    if (response.status !== 200) failing.push(`${path}: ${response.status}`)
  }
  return failing
}

/** Every link on every page to this site leads to a page that answers, and to an id on it. */
export async function brokenLinks(site: TestSite): Promise<string[]> {
  const app: RequestListener = site.app
  const pages = new Map<string, ReturnType<typeof parse>>()
  const page = async (path: string) => {
    let $ = pages.get(path)
    if (!$) {
      const response = await request(app).get(path)
      $ = parse(response.status === 200 ? response.text : '')
      pages.set(path, $)
      if (response.status !== 200) pages.set(`${path} status`, $)
    }
    return $
  }
  const htmlPaths = site.site.responses.paths.filter((path) => !path.includes('.'))
  const broken: string[] = []
  for (const from of htmlPaths) {
    const $ = await page(from)
    const hrefs = $('a[href]')
      .map((_, a) => $(a).attr('href') ?? '')
      .get()
    for (const href of new Set(hrefs)) {
      if (!href.startsWith('/') && !href.startsWith('#')) continue
      const [target = '', fragment] = href.startsWith('#') ? [from, href.slice(1)] : href.split('#')
      const $target = await page(target)
      if (pages.has(`${target} status`)) broken.push(`${from} → ${href}: the page does not answer`)
      else if (fragment && $target(`[id="${fragment}"]`).length === 0)
        broken.push(`${from} → ${href}: no id "${fragment}" there`)
    }
  }
  return broken
}

import type { Content } from '../content/load-content.js'
import { pageNames, pagePath } from '../site-pages.js'
import { robotsTxt, securityTxt, sitemapXml } from './crawler-files.js'
import type { ErrorKind, PageRenderer } from './page-renderer.js'
import { pageCacheControl, type StoredResponse, storeHtml, storeText } from './stored-response.js'

const errorStatus: Record<ErrorKind, number> = { badRequest: 400, notFound: 404, serverError: 500 }

/** Every page of every language, the crawler files and the error pages, rendered once as bytes. */
export interface PageTable {
  /** The page or file at an exact path such as `/nb/`, `/nb/cookies` or `/sitemap.xml`. */
  page(path: string): StoredResponse | undefined
  error(kind: ErrorKind, lng: string): StoredResponse
  readonly languages: readonly string[]
  readonly defaultLanguage: string
}

export function buildPageTable(
  content: Content,
  renderer: PageRenderer,
  options: { baseUrl: string; now: Date },
): PageTable {
  const pages = new Map<string, StoredResponse>()
  const errors = new Map<string, StoredResponse>()
  for (const language of content.languages) {
    const { lng, tag } = language
    for (const page of pageNames) {
      const html = renderer.page(language, page)
      pages.set(
        pagePath(lng, page),
        storeHtml(html, { status: 200, language: tag, cacheControl: pageCacheControl }),
      )
    }
    for (const [kind, status] of Object.entries(errorStatus) as [ErrorKind, number][]) {
      const html = renderer.error(language, kind)
      errors.set(
        `${kind}:${lng}`,
        storeHtml(html, { status, language: tag, cacheControl: 'no-store' }),
      )
    }
  }
  const crawlerFile = (text: string, contentType: string) =>
    storeText(text, { status: 200, contentType, cacheControl: pageCacheControl })
  const { baseUrl, now } = options
  pages.set(
    '/sitemap.xml',
    crawlerFile(sitemapXml(content, baseUrl), 'application/xml; charset=utf-8'),
  )
  pages.set('/robots.txt', crawlerFile(robotsTxt(baseUrl), 'text/plain; charset=utf-8'))
  pages.set(
    '/.well-known/security.txt',
    crawlerFile(securityTxt(content, baseUrl, now), 'text/plain; charset=utf-8'),
  )

  const languages = content.languages.map((language) => language.lng)
  const defaultLanguage = languages[0] ?? 'nb'
  return {
    languages,
    defaultLanguage,
    page: (path) => pages.get(path),
    error: (kind, lng) =>
      errors.get(`${kind}:${lng}`) ?? (errors.get(`${kind}:${defaultLanguage}`) as StoredResponse),
  }
}

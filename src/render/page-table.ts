import type { Content } from '../content/load-content.js'
import { pageNames, pagePath } from '../site-pages.js'
import type { ErrorKind, PageRenderer } from './page-renderer.js'
import { pageCacheControl, type StoredResponse, storeHtml } from './stored-response.js'

const errorStatus: Record<ErrorKind, number> = { badRequest: 400, notFound: 404, serverError: 500 }

/** Every page of every language, and the error pages, rendered once and kept as bytes. */
export interface PageTable {
  /** The page at an exact path such as `/nb/` or `/nb/cookies`. */
  page(path: string): StoredResponse | undefined
  error(kind: ErrorKind, lng: string): StoredResponse
  readonly languages: readonly string[]
  readonly defaultLanguage: string
}

export function buildPageTable(content: Content, renderer: PageRenderer): PageTable {
  const pages = new Map<string, StoredResponse>()
  const errors = new Map<string, StoredResponse>()
  for (const language of content.languages) {
    const { lng } = language
    for (const page of pageNames) {
      const html = renderer.page(language, page)
      pages.set(
        pagePath(lng, page),
        storeHtml(html, { status: 200, lng, cacheControl: pageCacheControl }),
      )
    }
    for (const [kind, status] of Object.entries(errorStatus) as [ErrorKind, number][]) {
      const html = renderer.error(language, kind)
      errors.set(`${kind}:${lng}`, storeHtml(html, { status, lng, cacheControl: 'no-store' }))
    }
  }
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

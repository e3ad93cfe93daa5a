import type { Content } from '../content/load-content.js'
import { pageNames, pagePath } from '../site-pages.js'
import type { Assets } from './assets.js'
import { robotsTxt, securityTxt, sitemapXml } from './crawler-files.js'
import type { ErrorKind, PageRenderer } from './page-renderer.js'
import {
  assetCacheControl,
  type HeaderList,
  type PreparedResponse,
  pageCacheControl,
  prepareHtml,
  prepareResponse,
} from './prepared-response.js'

const errorStatus: Record<ErrorKind, number> = { badRequest: 400, notFound: 404, serverError: 500 }

/**
 * Everything the site serves, rendered and compressed once: every page of every language, the
 * crawler files, the assets, and the error pages of every language.
 */
export interface ResponseTable {
  /** The response at an exact path such as `/nb/`, `/nb/cookies` or `/sitemap.xml`. */
  get(path: string): PreparedResponse | undefined
  error(kind: ErrorKind, lng: string): PreparedResponse
  /** Every path `get` answers, in a stable order. */
  readonly paths: readonly string[]
  readonly languages: readonly string[]
  readonly defaultLanguage: string
}

export async function buildResponseTable(
  content: Content,
  renderer: PageRenderer,
  assets: Assets,
  options: { baseUrl: string; now: Date; securityHeaders: HeaderList },
): Promise<ResponseTable> {
  const { baseUrl, now, securityHeaders } = options
  const text = (body: string, contentType: string) =>
    prepareResponse(body, {
      status: 200,
      contentType,
      cacheControl: pageCacheControl,
      securityHeaders,
    })
  const entries: [string, Promise<PreparedResponse>][] = []
  const errorEntries: [string, Promise<PreparedResponse>][] = []
  for (const language of content.languages) {
    const { lng, tag } = language
    for (const page of pageNames) {
      const html = renderer.page(language, page)
      entries.push([
        pagePath(lng, page),
        prepareHtml(html, {
          status: 200,
          language: tag,
          cacheControl: pageCacheControl,
          securityHeaders,
        }),
      ])
    }
    for (const [kind, status] of Object.entries(errorStatus) as [ErrorKind, number][]) {
      const html = renderer.error(language, kind)
      errorEntries.push([
        `${kind}:${lng}`,
        prepareHtml(html, { status, language: tag, cacheControl: 'no-store', securityHeaders }),
      ])
    }
  }
  entries.push([
    '/sitemap.xml',
    text(sitemapXml(content, baseUrl), 'application/xml; charset=utf-8'),
  ])
  entries.push(['/robots.txt', text(robotsTxt(baseUrl), 'text/plain; charset=utf-8')])
  entries.push([
    '/.well-known/security.txt',
    text(securityTxt(content, baseUrl, now), 'text/plain; charset=utf-8'),
  ])
  for (const asset of assets.files) {
    entries.push([
      asset.url,
      prepareResponse(asset.body, {
        status: 200,
        contentType: asset.contentType,
        cacheControl: assetCacheControl,
        securityHeaders,
      }),
    ])
  }

  // Compression runs on libuv's thread pool: all bodies at once keep start-up short.
  const settle = async (list: [string, Promise<PreparedResponse>][]) =>
    new Map(await Promise.all(list.map(async ([key, pending]) => [key, await pending] as const)))
  const [responses, errors] = await Promise.all([settle(entries), settle(errorEntries)])

  const languages = content.languages.map((language) => language.lng)
  const defaultLanguage = languages[0] ?? 'nb'
  return {
    paths: [...responses.keys()],
    languages,
    defaultLanguage,
    get: (path) => responses.get(path),
    error: (kind, lng) =>
      errors.get(`${kind}:${lng}`) ??
      (errors.get(`${kind}:${defaultLanguage}`) as PreparedResponse),
  }
}

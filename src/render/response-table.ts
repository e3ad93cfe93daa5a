import type { ConsentPolicy } from '../consent/consent-policy.js'
import { type ConsentView, consentViews } from '../consent/consent-view.js'
import { firstDayOf } from '../content/dates.js'
import type { Content } from '../content/load-content.js'
import {
  comparePath,
  feedPath,
  pageNames,
  pagePath,
  versionPath,
  versionsPath,
} from '../site-pages.js'
import type { Assets } from './assets.js'
import { atomFeed } from './atom-feed.js'
import type { CompressionCache } from './compression-cache.js'
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

export const errorStatus: Record<ErrorKind, number> = {
  badRequest: 400,
  forbidden: 403,
  notFound: 404,
  methodNotAllowed: 405,
  tooLarge: 413,
  unsupportedType: 415,
  tooManyRequests: 429,
  serverError: 500,
}

/**
 * What a path serves. Most paths have one response for everyone; a page whose content depends on
 * the visitor's cookie choice (banner, form, consented scripts) has one variant per choice.
 */
export interface TableEntry {
  readonly byConsent: boolean
  /** The response for everyone, or for a visitor who has not chosen yet. */
  readonly response: PreparedResponse
  readonly variants: ReadonlyMap<string, PreparedResponse>
}

/**
 * Everything the site serves, rendered and compressed once: every page of every language in
 * every consent variant, the crawler and well-known files, the assets, and the error pages.
 */
export interface ResponseTable {
  /** The entry at an exact path such as `/nb/`, `/nb/cookies` or `/sitemap.xml`. */
  get(path: string): TableEntry | undefined
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
  options: {
    baseUrl: string
    now: Date
    consent: ConsentPolicy
    /** The security headers for a response that loads these scripts (usually none). */
    securityHeaders: (scripts: readonly string[]) => HeaderList
    compressionCache?: CompressionCache
  },
): Promise<ResponseTable> {
  const { baseUrl, now, consent } = options
  const cached = options.compressionCache ? { compressionCache: options.compressionCache } : {}
  const securityHeaders = options.securityHeaders([])
  const byConsent = consent.categories.length > 0
  // Pages that differ by cookie must not be shared between visitors by a cache.
  const pageCaching = byConsent
    ? { cacheControl: 'private, no-cache', vary: 'Accept-Encoding, Cookie, Sec-GPC' }
    : { cacheControl: pageCacheControl }
  const single = async (pending: Promise<PreparedResponse>): Promise<TableEntry> => ({
    byConsent: false,
    response: await pending,
    variants: new Map(),
  })
  const text = (body: string, contentType: string) =>
    single(
      prepareResponse(body, {
        ...cached,
        status: 200,
        contentType,
        cacheControl: pageCacheControl,
        securityHeaders,
      }),
    )

  const entries: [string, Promise<TableEntry>][] = []
  const errorEntries: [string, Promise<PreparedResponse>][] = []
  const { versions } = content.timeline.index
  for (const language of content.languages) {
    const { lng, tag } = language
    /** A page in every consent variant: banner, form, confirmation, consented scripts. */
    const page = (
      path: string,
      render: (view: ConsentView) => string,
      withConfirmation = false,
    ) => {
      const views = consentViews(consent, content.site.cookieInventory, language, {
        withConfirmation,
      })
      const prepared = Promise.all(
        views.map(async (view) => {
          const response = await prepareHtml(render(view), {
            ...cached,
            status: 200,
            language: tag,
            ...pageCaching,
            securityHeaders: options.securityHeaders(view.scripts),
          })
          return [view.key, response] as const
        }),
      )
      entries.push([
        path,
        prepared.then((variants) => ({
          byConsent,
          response: variants[0]?.[1] as PreparedResponse,
          variants: new Map(variants),
        })),
      ])
    }
    for (const name of pageNames) {
      page(pagePath(lng, name), (view) => renderer.page(language, name, view), name === 'cookies')
    }
    page(versionsPath(lng), (view) => renderer.versionList(language, view))
    versions.forEach((version, index) => {
      page(versionPath(lng, version.id), (view) => renderer.version(language, version.id, view))
      // Every older version against this one: few versions a year keep this small.
      for (const older of versions.slice(0, index)) {
        page(comparePath(lng, older.id, version.id), (view) =>
          renderer.compare(language, older.id, version.id, view),
        )
      }
    })
    entries.push([
      feedPath(lng),
      text(atomFeed(content, language, baseUrl), 'application/atom+xml; charset=utf-8'),
    ])
    for (const [kind, status] of Object.entries(errorStatus) as [ErrorKind, number][]) {
      const html = renderer.error(language, kind)
      errorEntries.push([
        `${kind}:${lng}`,
        prepareHtml(html, {
          ...cached,
          status,
          language: tag,
          cacheControl: 'no-store',
          securityHeaders,
        }),
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
  const lastUpdate = firstDayOf(content.timeline.inForce.updated)
  entries.push([
    '/.well-known/gpc.json',
    text(`${JSON.stringify({ gpc: true, lastUpdate })}\n`, 'application/json'),
  ])
  for (const asset of assets.files) {
    entries.push([
      asset.url,
      single(
        prepareResponse(asset.body, {
          ...cached,
          status: 200,
          contentType: asset.contentType,
          cacheControl: assetCacheControl,
          securityHeaders,
        }),
      ),
    ])
  }

  // Compression runs on libuv's thread pool: all bodies at once keep start-up short.
  const settle = async <T>(list: [string, Promise<T>][]) =>
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

import type { ErrorKind } from '../config/error-kinds.js'
import type { RenderedSite } from '../render/render-site.js'
import type { CompressionCache } from './compression-cache.js'
import {
  assetCacheControl,
  type Compression,
  type HeaderList,
  type PreparedResponse,
  pageCacheControl,
  prepareHtml,
  prepareResponse,
} from './prepared-response.js'

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

export interface PrepareSettings {
  /** Whether pages differ by the visitor's cookie choice. */
  readonly byConsent: boolean
  /** The security headers for a response that loads these scripts (usually none). */
  readonly securityHeaders: (scripts: readonly string[]) => HeaderList
  readonly compressionCache?: CompressionCache
  readonly compression?: Compression
}

/**
 * The prepare stage: every rendered body compressed (brotli and gzip, on libuv's threads, all at
 * once to keep start-up short), with its header lines and ETags, in a table looked up by path.
 */
export async function prepareResponses(
  rendered: RenderedSite,
  settings: PrepareSettings,
): Promise<ResponseTable> {
  const { byConsent } = settings
  const cached = {
    ...(settings.compressionCache ? { compressionCache: settings.compressionCache } : {}),
    ...(settings.compression ? { compression: settings.compression } : {}),
  }
  const securityHeaders = settings.securityHeaders([])
  // Pages that differ by cookie must not be shared between visitors by a cache.
  const pageCaching = byConsent
    ? { cacheControl: 'private, no-cache', vary: 'Accept-Encoding, Cookie, Sec-GPC' }
    : { cacheControl: pageCacheControl }

  const pages = rendered.pages.map(async (page): Promise<[string, TableEntry]> => {
    const variants = await Promise.all(
      page.variants.map(async (variant) => {
        const response = await prepareHtml(variant.html, {
          ...cached,
          status: 200,
          language: page.tag,
          ...pageCaching,
          securityHeaders: settings.securityHeaders(variant.scripts),
        })
        return [variant.key, response] as const
      }),
    )
    const response = variants[0]?.[1] as PreparedResponse
    return [page.path, { byConsent, response, variants: new Map(variants) }]
  })
  const files = rendered.files.map(async (file): Promise<[string, TableEntry]> => {
    const response = await prepareResponse(file.body, {
      ...cached,
      status: 200,
      contentType: file.contentType,
      cacheControl: file.immutable ? assetCacheControl : pageCacheControl,
      securityHeaders,
    })
    return [file.path, { byConsent: false, response, variants: new Map() }]
  })
  const errors = rendered.errors.map(
    async (error): Promise<[string, PreparedResponse]> => [
      `${error.kind}:${error.lng}`,
      await prepareHtml(error.html, {
        ...cached,
        status: error.status,
        language: error.tag,
        cacheControl: 'no-store',
        securityHeaders,
      }),
    ],
  )
  const responses = new Map(await Promise.all([...pages, ...files]))
  const errorPages = new Map(await Promise.all(errors))
  const { languages } = rendered
  const defaultLanguage = languages[0] ?? 'nb'
  return {
    paths: [...responses.keys()],
    languages,
    defaultLanguage,
    get: (path) => responses.get(path),
    error: (kind, lng) =>
      errorPages.get(`${kind}:${lng}`) ??
      (errorPages.get(`${kind}:${defaultLanguage}`) as PreparedResponse),
  }
}

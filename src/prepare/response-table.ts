import type { ErrorKind } from '../config/error-kinds.js'
import type {
  RenderedError,
  RenderedFile,
  RenderedPage,
  RenderedSite,
} from '../render/render-site.js'
import type { CompressionCache } from './compression-cache.js'
import {
  assetCacheControl,
  type Compression,
  type HeaderList,
  type PreparedResponse,
  type PrepareOptions,
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
  /** The data the table answers from, plain enough to be sent to another thread. */
  readonly parts: TableParts
}

export interface TableParts {
  readonly entries: ReadonlyMap<string, TableEntry>
  /** The error pages by `kind:lng`. */
  readonly errors: ReadonlyMap<string, PreparedResponse>
  readonly languages: readonly string[]
}

/** The table over its parts: made once where the build ran, and again where it is served. */
export function responseTable(parts: TableParts): ResponseTable {
  const { entries, errors, languages } = parts
  const defaultLanguage = languages[0] ?? 'nb'
  return {
    paths: [...entries.keys()],
    languages,
    defaultLanguage,
    parts,
    get: (path) => entries.get(path),
    error: (kind, lng) =>
      errors.get(`${kind}:${lng}`) ??
      (errors.get(`${kind}:${defaultLanguage}`) as PreparedResponse),
  }
}

export interface PrepareSettings {
  /** Whether pages differ by the visitor's cookie choice. */
  readonly byConsent: boolean
  /** The security headers for a response that loads these scripts (usually none). */
  readonly securityHeaders: (scripts: readonly string[]) => HeaderList
  readonly compressionCache?: CompressionCache
  readonly compression?: Compression
}

type Shared = Pick<PrepareOptions, 'compressionCache' | 'compression'>

/** A page in each consent variant, each with the security headers of the scripts it loads. */
async function preparePage(
  page: RenderedPage,
  settings: PrepareSettings,
  shared: Shared,
): Promise<[string, TableEntry]> {
  const { byConsent } = settings
  // Pages that differ by cookie must not be shared between visitors by a cache.
  const caching = byConsent
    ? { cacheControl: 'private, no-cache', vary: 'Accept-Encoding, Cookie, Sec-GPC' }
    : { cacheControl: pageCacheControl }
  const variants = await Promise.all(
    page.variants.map(async (variant) => {
      const response = await prepareHtml(variant.html, {
        ...shared,
        status: 200,
        language: page.tag,
        ...caching,
        securityHeaders: settings.securityHeaders(variant.scripts),
      })
      return [variant.key, response] as const
    }),
  )
  const response = variants[0]?.[1] as PreparedResponse
  return [page.path, { byConsent, response, variants: new Map(variants) }]
}

async function prepareFile(
  file: RenderedFile,
  securityHeaders: HeaderList,
  shared: Shared,
): Promise<[string, TableEntry]> {
  const response = await prepareResponse(file.body, {
    ...shared,
    status: 200,
    contentType: file.contentType,
    cacheControl: file.immutable ? assetCacheControl : pageCacheControl,
    securityHeaders,
  })
  return [file.path, { byConsent: false, response, variants: new Map() }]
}

async function prepareError(
  error: RenderedError,
  securityHeaders: HeaderList,
  shared: Shared,
): Promise<[string, PreparedResponse]> {
  const response = await prepareHtml(error.html, {
    ...shared,
    status: error.status,
    language: error.tag,
    cacheControl: 'no-store',
    securityHeaders,
  })
  return [`${error.kind}:${error.lng}`, response]
}

/**
 * The prepare stage: every rendered body compressed (brotli and gzip, on libuv's threads, all at
 * once to keep start-up short), with its header lines and ETags, in a table looked up by path.
 */
export async function prepareResponses(
  rendered: RenderedSite,
  settings: PrepareSettings,
): Promise<ResponseTable> {
  const shared: Shared = {
    ...(settings.compressionCache ? { compressionCache: settings.compressionCache } : {}),
    ...(settings.compression ? { compression: settings.compression } : {}),
  }
  const headers = settings.securityHeaders([])
  const entries = [
    ...rendered.pages.map((page) => preparePage(page, settings, shared)),
    ...rendered.files.map((file) => prepareFile(file, headers, shared)),
  ]
  const errorPages = rendered.errors.map((error) => prepareError(error, headers, shared))
  return responseTable({
    entries: new Map(await Promise.all(entries)),
    errors: new Map(await Promise.all(errorPages)),
    languages: rendered.languages,
  })
}

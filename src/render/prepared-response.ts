import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

export type Encoding = 'br' | 'gzip' | 'identity'

/** One encoding of a response body, with the headers that belong to exactly those bytes. */
export interface Representation {
  readonly body: Buffer
  readonly etag: string
  /** Headers after the shared ones: ETag, Content-Encoding (unless identity), Content-Length. */
  readonly headers: readonly (readonly [string, string])[]
}

/**
 * A response prepared once when content loads and sent many times: its status, the headers
 * every encoding shares, and the body in each encoding, compressed ahead of time.
 */
export interface PreparedResponse {
  readonly status: number
  readonly headers: readonly (readonly [string, string])[]
  readonly representations: Readonly<Record<Encoding, Representation>>
}

export const pageCacheControl = 'public, max-age=300, stale-while-revalidate=86400'
export const assetCacheControl = 'public, max-age=31536000, immutable'

function hash(body: Buffer): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 27)
}

function representation(body: Buffer, tag: string, encoding: Encoding): Representation {
  const etag = encoding === 'identity' ? `"${tag}"` : `"${tag}-${encoding}"`
  return {
    body,
    etag,
    headers: [
      ['ETag', etag],
      ...(encoding === 'identity' ? [] : [['Content-Encoding', encoding] as const]),
      ['Content-Length', String(body.length)],
    ],
  }
}

export async function prepareResponse(
  content: string | Buffer,
  options: { status: number; contentType: string; cacheControl: string; language?: string },
): Promise<PreparedResponse> {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzipAsync(body, { level: 9 }),
  ])
  const tag = hash(body)
  const identity = representation(body, tag, 'identity')
  // A tiny body can grow when compressed: then every client gets it as it is.
  const smallest = (compressed: Buffer, encoding: Encoding) =>
    compressed.length < body.length ? representation(compressed, tag, encoding) : identity
  return {
    status: options.status,
    headers: [
      ['Content-Type', options.contentType],
      ...(options.language ? [['Content-Language', options.language] as const] : []),
      ['Cache-Control', options.cacheControl],
      ['Vary', 'Accept-Encoding'],
    ],
    representations: {
      identity,
      br: smallest(br, 'br'),
      gzip: smallest(gz, 'gzip'),
    },
  }
}

/** An HTML page in one language; `language` is its BCP 47 tag, as in `<html lang>`. */
export function prepareHtml(
  html: string,
  options: { status: number; language: string; cacheControl: string },
): Promise<PreparedResponse> {
  return prepareResponse(html, { ...options, contentType: 'text/html; charset=utf-8' })
}

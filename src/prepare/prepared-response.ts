import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib'
import type { CompressionCache } from './compression-cache.js'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * At most as many compressions at once as libuv has threads: more would only wait in its queue
 * while each holds an encoder's memory, which the process keeps as resident memory afterwards.
 */
function concurrencyLimit(size: number): { run<T>(task: () => Promise<T>): Promise<T> } {
  let active = 0
  const waiting: (() => void)[] = []
  return {
    async run(task) {
      if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve))
      active++
      try {
        return await task()
      } finally {
        active--
        waiting.shift()?.()
      }
    },
  }
}

// libuv's default thread pool has four threads.
const compressionSlots = concurrencyLimit(4)

export type Encoding = 'br' | 'gzip' | 'identity'
export type HeaderList = readonly (readonly [string, string])[]

/**
 * One encoding of a response body with its complete header lines, flattened as `writeHead`
 * takes them (name, value, name, value, ...): nothing about it is worked out per request.
 */
export interface Representation {
  readonly body: Buffer
  readonly etag: string
  readonly headers: readonly string[]
  /** The same minus Content-Encoding and Content-Length, for a 304. */
  readonly notModifiedHeaders: readonly string[]
}

/** A response prepared once when content loads, in every encoding, sent many times. */
export interface PreparedResponse {
  readonly status: number
  readonly representations: Readonly<Record<Encoding, Representation>>
}

export interface PrepareOptions {
  readonly status: number
  readonly contentType: string
  readonly cacheControl: string
  /** BCP 47 tag for Content-Language, when the body is in one language. */
  readonly language?: string
  /** The request headers the body depends on; Accept-Encoding always. */
  readonly vary?: string
  /** The security headers every response carries; they come first, as on every other response. */
  readonly securityHeaders: HeaderList
  /** Where compressed bodies may already be, from an earlier build or start (best compression only). */
  readonly compressionCache?: CompressionCache
  /** How hard to compress; the best unless told otherwise. */
  readonly compression?: Compression
}

/** Brotli quality and gzip level. */
export interface Compression {
  readonly brotliQuality: number
  readonly gzipLevel: number
  /**
   * Compress on the calling thread rather than libuv's pool: for the build thread, whose work
   * then stays on the one thread that yields to requests (build-worker.ts).
   */
  readonly onCallingThread?: boolean
}

/** What the site serves: the smallest bodies, made once when content loads. */
export const bestCompression: Compression = { brotliQuality: 11, gzipLevel: 9 }
/** For tests that never look at compressed sizes: the same headers, bodies made much faster. */
export const quickCompression: Compression = { brotliQuality: 1, gzipLevel: 1 }

export const pageCacheControl = 'public, max-age=300, stale-while-revalidate=86400'
export const assetCacheControl = 'public, max-age=31536000, immutable'

const flat = (headers: HeaderList): string[] => headers.flat()

function representation(
  body: Buffer,
  tag: string,
  encoding: Encoding,
  options: PrepareOptions,
): Representation {
  const etag = encoding === 'identity' ? `"${tag}"` : `"${tag}-${encoding}"`
  const shared: HeaderList = [
    ...options.securityHeaders,
    ['Content-Type', options.contentType],
    ...(options.language ? [['Content-Language', options.language] as const] : []),
    ['Cache-Control', options.cacheControl],
    ['Vary', options.vary ?? 'Accept-Encoding'],
    ['ETag', etag],
  ]
  return {
    body,
    etag,
    headers: flat([
      ...shared,
      ...(encoding === 'identity' ? [] : [['Content-Encoding', encoding] as const]),
      ['Content-Length', String(body.length)],
    ]),
    notModifiedHeaders: flat(shared),
  }
}

/** Brotli at its best quality, with a window just large enough for the body (less memory). */
export function brotliParams(
  length: number,
  quality = bestCompression.brotliQuality,
): Record<number, number> {
  return {
    [constants.BROTLI_PARAM_QUALITY]: quality,
    [constants.BROTLI_PARAM_SIZE_HINT]: length,
    [constants.BROTLI_PARAM_LGWIN]: Math.min(24, Math.max(16, Math.ceil(Math.log2(length + 1)))),
  }
}

function compressHere(body: Buffer, encoding: 'br' | 'gzip', compression: Compression): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: brotliParams(body.length, compression.brotliQuality) })
    : gzipSync(body, { level: compression.gzipLevel })
}

export async function prepareResponse(
  content: string | Buffer,
  options: PrepareOptions,
): Promise<PreparedResponse> {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  const compression = options.compression ?? bestCompression
  const best =
    compression.brotliQuality === bestCompression.brotliQuality &&
    compression.gzipLevel === bestCompression.gzipLevel
  const cache = best ? options.compressionCache : undefined
  const compress = async (encoding: 'br' | 'gzip') => {
    const cached = await cache?.get(body, encoding)
    if (cached) return cached
    const compressed = compression.onCallingThread
      ? compressHere(body, encoding, compression)
      : await compressionSlots.run(() =>
          encoding === 'br'
            ? brotli(body, { params: brotliParams(body.length, compression.brotliQuality) })
            : gzipAsync(body, { level: compression.gzipLevel }),
        )
    cache?.put(body, encoding, compressed)
    return compressed
  }
  const [br, gz] = await Promise.all([compress('br'), compress('gzip')])
  const tag = createHash('sha256').update(body).digest('base64url').slice(0, 27)
  const identity = representation(body, tag, 'identity', options)
  // A tiny body can grow when compressed: then every client gets it as it is.
  const smallest = (compressed: Buffer, encoding: Encoding) =>
    compressed.length < body.length ? representation(compressed, tag, encoding, options) : identity
  return {
    status: options.status,
    representations: { identity, br: smallest(br, 'br'), gzip: smallest(gz, 'gzip') },
  }
}

/** An HTML page in one language; `language` is its BCP 47 tag, as in `<html lang>`. */
export function prepareHtml(
  html: string,
  options: Omit<PrepareOptions, 'contentType'> & { language: string },
): Promise<PreparedResponse> {
  return prepareResponse(html, { ...options, contentType: 'text/html; charset=utf-8' })
}

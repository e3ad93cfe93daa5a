import { createHash } from 'node:crypto'

/** A response prepared once and sent many times: status, headers and body bytes. */
export interface StoredResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: Buffer
}

export const pageCacheControl = 'public, max-age=300, stale-while-revalidate=86400'

export function strongEtag(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
}

export function storeText(
  text: string,
  options: { status: number; contentType: string; cacheControl: string; language?: string },
): StoredResponse {
  const body = Buffer.from(text, 'utf8')
  return {
    status: options.status,
    headers: {
      'Content-Type': options.contentType,
      ...(options.language ? { 'Content-Language': options.language } : {}),
      'Cache-Control': options.cacheControl,
      ETag: strongEtag(body),
    },
    body,
  }
}

/** An HTML page in one language; `language` is its BCP 47 tag, as in `<html lang>`. */
export function storeHtml(
  html: string,
  options: { status: number; language: string; cacheControl: string },
): StoredResponse {
  return storeText(html, { ...options, contentType: 'text/html; charset=utf-8' })
}

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

export function storeHtml(
  html: string,
  options: { status: number; lng: string; cacheControl: string },
): StoredResponse {
  const body = Buffer.from(html, 'utf8')
  return {
    status: options.status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': options.lng,
      'Cache-Control': options.cacheControl,
      ETag: strongEtag(body),
    },
    body,
  }
}

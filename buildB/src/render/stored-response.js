import { createHash } from 'node:crypto';
export const pageCacheControl = 'public, max-age=300, stale-while-revalidate=86400';
export function strongEtag(body) {
    return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}
export function storeText(text, options) {
    const body = Buffer.from(text, 'utf8');
    return {
        status: options.status,
        headers: {
            'Content-Type': options.contentType,
            ...(options.language ? { 'Content-Language': options.language } : {}),
            'Cache-Control': options.cacheControl,
            ETag: strongEtag(body),
        },
        body,
    };
}
/** An HTML page in one language; `language` is its BCP 47 tag, as in `<html lang>`. */
export function storeHtml(html, options) {
    return storeText(html, { ...options, contentType: 'text/html; charset=utf-8' });
}
//# sourceMappingURL=stored-response.js.map
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
/**
 * At most as many compressions at once as libuv has threads: more would only wait in its queue
 * while each holds an encoder's memory, which the process keeps as resident memory afterwards.
 */
function concurrencyLimit(size) {
    let active = 0;
    const waiting = [];
    return {
        async run(task) {
            if (active >= size)
                await new Promise((resolve) => waiting.push(resolve));
            active++;
            try {
                return await task();
            }
            finally {
                active--;
                waiting.shift()?.();
            }
        },
    };
}
// libuv's default thread pool has four threads.
const compressionSlots = concurrencyLimit(4);
export const pageCacheControl = 'public, max-age=300, stale-while-revalidate=86400';
export const assetCacheControl = 'public, max-age=31536000, immutable';
const flat = (headers) => headers.flat();
function representation(body, tag, encoding, options) {
    const etag = encoding === 'identity' ? `"${tag}"` : `"${tag}-${encoding}"`;
    const shared = [
        ...options.securityHeaders,
        ['Content-Type', options.contentType],
        ...(options.language ? [['Content-Language', options.language]] : []),
        ['Cache-Control', options.cacheControl],
        ['Vary', options.vary ?? 'Accept-Encoding'],
        ['ETag', etag],
    ];
    return {
        body,
        etag,
        headers: flat([
            ...shared,
            ...(encoding === 'identity' ? [] : [['Content-Encoding', encoding]]),
            ['Content-Length', String(body.length)],
        ]),
        notModifiedHeaders: flat(shared),
    };
}
/** Brotli at its best quality, with a window just large enough for the body (less memory). */
export function brotliParams(length) {
    return {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: length,
        [constants.BROTLI_PARAM_LGWIN]: Math.min(24, Math.max(16, Math.ceil(Math.log2(length + 1)))),
    };
}
export async function prepareResponse(content, options) {
    const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const [br, gz] = await compressionSlots.run(() => Promise.all([
        brotli(body, { params: brotliParams(body.length) }),
        gzipAsync(body, { level: 9 }),
    ]));
    const tag = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    const identity = representation(body, tag, 'identity', options);
    // A tiny body can grow when compressed: then every client gets it as it is.
    const smallest = (compressed, encoding) => compressed.length < body.length ? representation(compressed, tag, encoding, options) : identity;
    return {
        status: options.status,
        representations: { identity, br: smallest(br, 'br'), gzip: smallest(gz, 'gzip') },
    };
}
/** An HTML page in one language; `language` is its BCP 47 tag, as in `<html lang>`. */
export function prepareHtml(html, options) {
    return prepareResponse(html, { ...options, contentType: 'text/html; charset=utf-8' });
}
//# sourceMappingURL=prepared-response.js.map
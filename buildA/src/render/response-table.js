import { consentViews } from '../consent/consent-view.js';
import { firstDayOf } from '../content/dates.js';
import { comparePath, feedPath, pageNames, pagePath, versionPath, versionsPath, } from '../site-pages.js';
import { atomFeed } from './atom-feed.js';
import { robotsTxt, securityTxt, sitemapXml } from './crawler-files.js';
import { assetCacheControl, pageCacheControl, prepareHtml, prepareResponse, } from './prepared-response.js';
export const errorStatus = {
    badRequest: 400,
    forbidden: 403,
    notFound: 404,
    methodNotAllowed: 405,
    tooLarge: 413,
    unsupportedType: 415,
    tooManyRequests: 429,
    serverError: 500,
};
export async function buildResponseTable(content, renderer, assets, options) {
    const { baseUrl, now, consent } = options;
    const securityHeaders = options.securityHeaders([]);
    const byConsent = consent.categories.length > 0;
    // Pages that differ by cookie must not be shared between visitors by a cache.
    const pageCaching = byConsent
        ? { cacheControl: 'private, no-cache', vary: 'Accept-Encoding, Cookie, Sec-GPC' }
        : { cacheControl: pageCacheControl };
    const single = async (pending) => ({
        byConsent: false,
        response: await pending,
        variants: new Map(),
    });
    const text = (body, contentType) => single(prepareResponse(body, {
        status: 200,
        contentType,
        cacheControl: pageCacheControl,
        securityHeaders,
    }));
    const entries = [];
    const errorEntries = [];
    const { versions } = content.timeline.index;
    for (const language of content.languages) {
        const { lng, tag } = language;
        /** A page in every consent variant: banner, form, confirmation, consented scripts. */
        const page = (path, render, withConfirmation = false) => {
            const views = consentViews(consent, content.site.cookieInventory, language, {
                withConfirmation,
            });
            const prepared = Promise.all(views.map(async (view) => {
                const response = await prepareHtml(render(view), {
                    status: 200,
                    language: tag,
                    ...pageCaching,
                    securityHeaders: options.securityHeaders(view.scripts),
                });
                return [view.key, response];
            }));
            entries.push([
                path,
                prepared.then((variants) => ({
                    byConsent,
                    response: variants[0]?.[1],
                    variants: new Map(variants),
                })),
            ]);
        };
        for (const name of pageNames) {
            page(pagePath(lng, name), (view) => renderer.page(language, name, view), name === 'cookies');
        }
        page(versionsPath(lng), (view) => renderer.versionList(language, view));
        versions.forEach((version, index) => {
            page(versionPath(lng, version.id), (view) => renderer.version(language, version.id, view));
            // Every older version against this one: few versions a year keep this small.
            for (const older of versions.slice(0, index)) {
                page(comparePath(lng, older.id, version.id), (view) => renderer.compare(language, older.id, version.id, view));
            }
        });
        entries.push([
            feedPath(lng),
            text(atomFeed(content, language, baseUrl), 'application/atom+xml; charset=utf-8'),
        ]);
        for (const [kind, status] of Object.entries(errorStatus)) {
            const html = renderer.error(language, kind);
            errorEntries.push([
                `${kind}:${lng}`,
                prepareHtml(html, { status, language: tag, cacheControl: 'no-store', securityHeaders }),
            ]);
        }
    }
    entries.push([
        '/sitemap.xml',
        text(sitemapXml(content, baseUrl), 'application/xml; charset=utf-8'),
    ]);
    entries.push(['/robots.txt', text(robotsTxt(baseUrl), 'text/plain; charset=utf-8')]);
    entries.push([
        '/.well-known/security.txt',
        text(securityTxt(content, baseUrl, now), 'text/plain; charset=utf-8'),
    ]);
    const lastUpdate = firstDayOf(content.languages[0]?.policy.updatedDate ?? '2024');
    entries.push([
        '/.well-known/gpc.json',
        text(`${JSON.stringify({ gpc: true, lastUpdate })}\n`, 'application/json'),
    ]);
    for (const asset of assets.files) {
        entries.push([
            asset.url,
            single(prepareResponse(asset.body, {
                status: 200,
                contentType: asset.contentType,
                cacheControl: assetCacheControl,
                securityHeaders,
            })),
        ]);
    }
    // Compression runs on libuv's thread pool: all bodies at once keep start-up short.
    const settle = async (list) => new Map(await Promise.all(list.map(async ([key, pending]) => [key, await pending])));
    const [responses, errors] = await Promise.all([settle(entries), settle(errorEntries)]);
    const languages = content.languages.map((language) => language.lng);
    const defaultLanguage = languages[0] ?? 'nb';
    return {
        paths: [...responses.keys()],
        languages,
        defaultLanguage,
        get: (path) => responses.get(path),
        error: (kind, lng) => errors.get(`${kind}:${lng}`) ??
            errors.get(`${kind}:${defaultLanguage}`),
    };
}
//# sourceMappingURL=response-table.js.map
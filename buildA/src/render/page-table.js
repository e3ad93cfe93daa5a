import { pageNames, pagePath } from '../site-pages.js';
import { robotsTxt, securityTxt, sitemapXml } from './crawler-files.js';
import { pageCacheControl, storeHtml, storeText } from './stored-response.js';
const errorStatus = { badRequest: 400, notFound: 404, serverError: 500 };
export function buildPageTable(content, renderer, options) {
    const pages = new Map();
    const errors = new Map();
    for (const language of content.languages) {
        const { lng, tag } = language;
        for (const page of pageNames) {
            const html = renderer.page(language, page);
            pages.set(pagePath(lng, page), storeHtml(html, { status: 200, language: tag, cacheControl: pageCacheControl }));
        }
        for (const [kind, status] of Object.entries(errorStatus)) {
            const html = renderer.error(language, kind);
            errors.set(`${kind}:${lng}`, storeHtml(html, { status, language: tag, cacheControl: 'no-store' }));
        }
    }
    const crawlerFile = (text, contentType) => storeText(text, { status: 200, contentType, cacheControl: pageCacheControl });
    const { baseUrl, now } = options;
    pages.set('/sitemap.xml', crawlerFile(sitemapXml(content, baseUrl), 'application/xml; charset=utf-8'));
    pages.set('/robots.txt', crawlerFile(robotsTxt(baseUrl), 'text/plain; charset=utf-8'));
    pages.set('/.well-known/security.txt', crawlerFile(securityTxt(content, baseUrl, now), 'text/plain; charset=utf-8'));
    const languages = content.languages.map((language) => language.lng);
    const defaultLanguage = languages[0] ?? 'nb';
    return {
        languages,
        defaultLanguage,
        page: (path) => pages.get(path),
        error: (kind, lng) => errors.get(`${kind}:${lng}`) ?? errors.get(`${kind}:${defaultLanguage}`),
    };
}
//# sourceMappingURL=page-table.js.map
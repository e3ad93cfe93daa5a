import { displayPath } from '../check/check-content.js';
import { checkLocales } from '../check/check-locales.js';
import { formatFinding } from '../check/findings.js';
import { ConfigError } from '../config-error.js';
import { contentAt, loadContent } from '../content/load-content.js';
import { localesDir, publicDir, viewsDir } from '../paths.js';
import { loadAssets } from './assets.js';
import { createPageRenderer } from './page-renderer.js';
import { buildResponseTable } from './response-table.js';
import { securityHeaderList } from './security-headers.js';
export const defaultSources = { localesDir, publicDir, viewsDir };
/**
 * Checks all content as `npm run check` does, then loads it, renders and compresses every
 * response. Content the checker rejects is a ConfigError naming the first error's place.
 */
export async function buildSite(config, sources = defaultSources, now = new Date()) {
    const { findings } = checkLocales(sources.localesDir, config.site.languages, displayPath, now);
    const errors = findings.filter((finding) => finding.level === 'error');
    const [firstError] = errors;
    if (firstError) {
        const more = errors.length > 1 ? ` (and ${errors.length - 1} more: run npm run check)` : '';
        throw new ConfigError(`${formatFinding(firstError)}${more}`);
    }
    const content = await loadContent(sources.localesDir, config.site, now);
    return renderSite(config, content, loadAssets(sources.publicDir), sources.viewsDir, now, findings);
}
/**
 * The same site rendered again for another moment, from the content already loaded: how an
 * announced version comes into force at its time, whatever state the files are in then.
 */
export function rebuildAt(config, site, viewsDir, now) {
    return renderSite(config, contentAt(site.content, now), site.assets, viewsDir, now, site.warnings);
}
async function renderSite(config, content, assets, viewsDir, now, warnings) {
    const renderer = createPageRenderer(viewsDir, content, assets, config.baseUrl);
    const production = config.env === 'production';
    const securityHeaders = securityHeaderList({ production });
    const responses = await buildResponseTable(content, renderer, assets, {
        baseUrl: config.baseUrl,
        now,
        consent: content.consent,
        securityHeaders: (scripts) => scripts.length === 0 ? securityHeaders : securityHeaderList({ production, scripts }),
    });
    return {
        content,
        assets,
        renderer,
        responses,
        securityHeaders,
        warnings,
        consent: { policy: content.consent, secret: config.cookieSecret },
    };
}
//# sourceMappingURL=build-site.js.map
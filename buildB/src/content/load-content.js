import { ConfigError } from '../config-error.js';
import { consentPolicy } from '../consent/consent-policy.js';
import { pageLinkResolver } from '../site-pages.js';
import { buildContactDetails } from './contact-details.js';
import { buildCookieInventory } from './cookie-inventory.js';
import { loadLocales, translatorFor } from './locales.js';
import { renderInline } from './markup.js';
import { buildPolicyVersion, versionSectionOrder } from './policy.js';
import { loadVersionIndex, versionNamespace, versionTimeline, } from './version-index.js';
/** A BCP 47 tag as the pages use it: language, optional script, optional region (`zh-Hans`). */
export const languageTag = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;
export const openGraphLocale = /^[a-z]{2,3}_[A-Z]{2}$/;
function languageIdentity(t, lng) {
    const tag = t('common:language.tag');
    const locale = t('common:language.ogLocale');
    const where = `locale file locales/${lng}/common.json`;
    if (!languageTag.test(tag) || tag.split('-')[0] !== lng) {
        throw new ConfigError(`${where}: language.tag "${tag}" must be a language tag starting with "${lng}", such as "${lng}" or "zh-Hans"`);
    }
    if (!openGraphLocale.test(locale)) {
        throw new ConfigError(`${where}: language.ogLocale "${locale}" must look like "nb_NO"`);
    }
    return { tag, name: t('common:language.name'), ogLocale: locale };
}
/**
 * Locale files and site configuration in, a validated content model out; throws ConfigError.
 * `now` decides which published version of the notice is in force.
 */
export async function loadContent(localesDir, site, now) {
    const index = loadVersionIndex(localesDir);
    const timeline = versionTimeline(index, now);
    const i18n = await loadLocales(localesDir, site.languages, index.versions.map((version) => versionNamespace(version.id)));
    const source = site.languages[0] ?? 'nb';
    const orders = new Map(index.versions.map((version) => [version.id, versionSectionOrder(i18n, source, version)]));
    const consent = consentPolicy(site);
    const languages = site.languages.map((lng) => {
        const t = translatorFor(i18n, lng);
        const versions = new Map(index.versions.map((version) => [
            version.id,
            buildPolicyVersion(i18n, lng, version, orders.get(version.id) ?? []),
        ]));
        return {
            lng,
            ...languageIdentity(t, lng),
            t,
            policy: versions.get(timeline.inForce.id),
            versions,
            cookies: {
                ...buildCookieInventory(site.cookieInventory, lng, t, {
                    // The consent cookie exists only where there is something to choose.
                    consentCookie: consent.categories.length > 0,
                }),
                questions: renderInline(t('cookies:questions'), pageLinkResolver(lng), `locale file locales/${lng}/cookies.json: questions`),
            },
        };
    });
    return { site, consent, contact: buildContactDetails(site), languages, timeline };
}
/**
 * The same content at another moment: which version is in force and which are announced. No
 * file is read, so a version comes into force at its time even while a file being edited has
 * a mistake.
 */
export function contentAt(content, now) {
    const timeline = versionTimeline(content.timeline.index, now);
    return {
        ...content,
        timeline,
        languages: content.languages.map((language) => ({
            ...language,
            policy: language.versions.get(timeline.inForce.id),
        })),
    };
}
//# sourceMappingURL=load-content.js.map
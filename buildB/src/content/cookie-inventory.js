import { consentCookieName, consentMaxAgeMs } from '../consent/consent-cookie.js';
import { cookieCategories } from '../cookie-inventory-config.js';
const durationUnits = [
    ['year', 'Y'],
    ['month', 'M'],
    ['day', 'D'],
];
const timeUnits = [
    ['hour', 'H'],
    ['minute', 'M'],
];
/** `P1Y6M` in words: "1 år og 6 måneder"; `session`: until the browser closes. */
export function describeDuration(duration, lng, t) {
    if (duration === 'session')
        return t('cookies:duration.session');
    const [datePart = '', timePart = ''] = duration.slice(1).split('T');
    const parts = [];
    const collect = (part, units) => {
        for (const [unit, letter] of units) {
            const match = new RegExp(`(\\d+)${letter}`).exec(part);
            if (match?.[1])
                parts.push(t(`cookies:duration.${unit}`, { count: Number(match[1]) }));
        }
    };
    collect(datePart, durationUnits);
    collect(timePart, timeUnits);
    return new Intl.ListFormat(lng, { type: 'conjunction' }).format(parts);
}
export function buildCookieInventory(inventory, lng, t, options) {
    // Every category needs a name in every language, whether or not the inventory uses it yet.
    const categoryNames = new Map(cookieCategories.map((category) => [category, t(`cookies:categories.${category}`)]));
    const row = (entry) => ({
        name: entry.name,
        provider: entry.provider,
        purpose: entry.purpose[lng] ?? '',
        category: categoryNames.get(entry.category) ?? entry.category,
        duration: describeDuration(entry.duration, lng, t),
    });
    const consentCookie = {
        name: consentCookieName,
        provider: t('cookies:consentCookie.provider'),
        purpose: t('cookies:consentCookie.purpose'),
        category: categoryNames.get('necessary') ?? 'necessary',
        duration: describeDuration(`P${Math.round(consentMaxAgeMs / 86_400_000)}D`, lng, t),
    };
    return {
        thisSite: [
            ...(options.consentCookie ? [consentCookie] : []),
            ...inventory.filter((entry) => entry.site === 'this').map(row),
        ],
        otherSites: inventory.filter((entry) => entry.site === 'other').map(row),
    };
}
//# sourceMappingURL=cookie-inventory.js.map
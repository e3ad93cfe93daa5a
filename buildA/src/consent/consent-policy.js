import { createHash } from 'node:crypto';
import { cookieCategories } from '../cookie-inventory-config.js';
/** The variant key of pages for visitors who have not chosen yet (banner shown). */
export const unanswered = 'unset';
/** The only variant key when there is nothing to choose. */
export const nothingToChoose = 'none';
/** Every answer a visitor can give: each optional category yes or no, in every combination. */
export function everyAnswer(categories) {
    return Array.from({ length: 2 ** categories.length }, (_, bits) => Object.fromEntries(categories.map((category, index) => [category, (bits & (1 << index)) !== 0])));
}
export function answerKey(categories, choices) {
    return categories.map((category) => `${category}=${choices[category] ? 1 : 0}`).join(';');
}
export function consentPolicy(site) {
    const optional = site.cookieInventory.filter((entry) => entry.category !== 'necessary');
    const categories = cookieCategories.filter((category) => category !== 'necessary' && optional.some((entry) => entry.category === category));
    // Every field of every optional cookie: any change to what visitors agreed to asks again.
    const version = createHash('sha256')
        .update(JSON.stringify(optional))
        .digest('base64url')
        .slice(0, 10);
    return {
        categories,
        version,
        scriptsFor: (choices) => [
            ...new Set(optional
                .filter((entry) => choices[entry.category] === true)
                .flatMap((entry) => entry.scripts)),
        ],
        ...(site.consentCookieDomain ? { cookieDomain: site.consentCookieDomain } : {}),
    };
}
//# sourceMappingURL=consent-policy.js.map
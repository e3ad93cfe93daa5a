import { parse } from 'cookie';
import { signedCookie } from 'cookie-parser';
import { answerKey, nothingToChoose, unanswered, } from './consent-policy.js';
export const consentCookieName = 'consent';
/** Half a year: long enough not to ask often, well under the one-year bound. */
export const consentMaxAgeMs = 182 * 24 * 60 * 60 * 1000;
const maxCookieValue = 512;
export function encodeConsent(policy, choices, now) {
    const stored = {
        v: policy.version,
        c: Object.fromEntries(policy.categories.map((category) => [category, choices[category] === true])),
        t: Math.floor(now.getTime() / 1000),
    };
    return JSON.stringify(stored);
}
/** The stored choice, if the value is exactly what encodeConsent makes for this inventory. */
export function decodeConsent(value, policy) {
    if (value.length > maxCookieValue)
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch {
        return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return undefined;
    const { v, c, t, ...rest } = parsed;
    if (Object.keys(rest).length > 0 || v !== policy.version || !Number.isSafeInteger(t))
        return undefined;
    if (typeof c !== 'object' || c === null || Array.isArray(c))
        return undefined;
    const keys = Object.keys(c);
    if (keys.length !== policy.categories.length)
        return undefined;
    const choices = {};
    for (const category of policy.categories) {
        const answer = c[category];
        if (typeof answer !== 'boolean')
            return undefined;
        choices[category] = answer;
    }
    return choices;
}
/**
 * Which variant of a page a request gets: the stored choice when the signed cookie is valid for
 * the current inventory; refusal of everything for `Sec-GPC: 1` without a stored choice;
 * otherwise "not chosen yet". A missing, unsigned, tampered, oversized or malformed cookie
 * counts as not chosen, and never raises.
 */
export function consentKeyOf(headers, policy, secret) {
    if (policy.categories.length === 0)
        return nothingToChoose;
    const choices = storedChoices(headers.cookie, policy, secret);
    if (choices)
        return answerKey(policy.categories, choices);
    if (headers['sec-gpc'] === '1')
        return answerKey(policy.categories, {});
    return unanswered;
}
export function storedChoices(cookieHeader, policy, secret) {
    if (!cookieHeader || cookieHeader.length > 8192)
        return undefined;
    let raw;
    try {
        raw = parse(cookieHeader)[consentCookieName];
    }
    catch {
        return undefined;
    }
    if (raw === undefined || !raw.startsWith('s:'))
        return undefined;
    const value = signedCookie(raw, secret);
    return typeof value === 'string' ? decodeConsent(value, policy) : undefined;
}
//# sourceMappingURL=consent-cookie.js.map
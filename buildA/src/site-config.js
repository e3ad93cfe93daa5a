import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error.js';
import { parseCookie } from './cookie-inventory-config.js';
import { isObject } from './json-value.js';
const languageCode = /^[a-z]{2,3}$/;
const languagePattern = /^[a-z]{2,3}(-[a-z0-9]{1,8})*(-\*)?$/i;
const emailAddress = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;
export function isEmailAddress(value) {
    return emailAddress.test(value);
}
/** True for addresses on the domains reserved for examples (RFC 2606), such as the shipped placeholder. */
export function isPlaceholderEmail(email) {
    return /@(.+\.)?example(\.(com|net|org))?$/i.test(email);
}
/** A dotted name for a path, as staff read it: `cookieInventory[0].category`. */
export function fieldName(path) {
    return path
        .map((part, index) => typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)
        .join('');
}
/** Reads and checks the site configuration file; the first problem is a ConfigError naming file and field. */
export function loadSiteConfig(file) {
    let raw;
    try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
    }
    catch (error) {
        throw new ConfigError(`site configuration ${file}: ${error.message}`);
    }
    const { config, problems } = parseSiteConfig(raw);
    const [first] = problems;
    if (first || !config) {
        throw new ConfigError(`site configuration ${file}: ${fieldName(first?.path ?? [])} ${first?.message}`);
    }
    return config;
}
/** Checks a parsed site configuration; every problem is reported, with where it is. */
export function parseSiteConfig(raw) {
    const problems = [];
    const problem = (path, message) => {
        problems.push({ path, message });
    };
    const object = (value, path) => {
        if (isObject(value))
            return value;
        problem(path, 'must be a group of fields in { }');
        return {};
    };
    const text = (parent, path, required = true) => {
        const value = parent[path[path.length - 1]];
        if (value === undefined && !required)
            return '';
        if (typeof value !== 'string' || (required && value.trim() === '')) {
            problem(path, value === undefined ? 'is missing' : 'must be a non-empty text');
            return '';
        }
        return value.trim();
    };
    const root = object(raw, []);
    const languages = Array.isArray(root.languages) ? root.languages : [];
    if (languages.length === 0)
        problem(['languages'], 'must be a list of language codes, such as ["nb"]');
    languages.forEach((lng, index) => {
        if (typeof lng !== 'string' || !languageCode.test(lng)) {
            problem(['languages', index], `"${String(lng)}" is not a language code such as "nb"`);
        }
    });
    if (languages.length > 0 && languages[0] !== 'nb') {
        problem(['languages', 0], 'must be "nb", the source language, first');
    }
    const codes = languages.filter((lng) => typeof lng === 'string');
    const contact = object(root.contact, ['contact']);
    const email = text(contact, ['contact', 'email'], false);
    if (email !== '' && !isEmailAddress(email))
        problem(['contact', 'email'], `"${email}" is not an email address`);
    const postal = object(contact.postalAddress, ['contact', 'postalAddress']);
    const postalCode = text(postal, ['contact', 'postalAddress', 'postalCode'], false);
    const addressCountry = text(postal, ['contact', 'postalAddress', 'addressCountry']);
    if (addressCountry !== '' && !/^[A-Z]{2}$/.test(addressCountry)) {
        problem(['contact', 'postalAddress', 'addressCountry'], `"${addressCountry}" must be a two-letter country code such as NO or CN`);
    }
    const authority = object(root.authority, ['authority']);
    const authorityUrl = text(authority, ['authority', 'url']);
    if (authorityUrl !== '' && !/^https:\/\/\S+$/.test(authorityUrl)) {
        problem(['authority', 'url'], 'must be an https:// address');
    }
    const inventory = root.cookieInventory ?? [];
    if (!Array.isArray(inventory))
        problem(['cookieInventory'], 'must be a list of cookies in [ ]');
    const cookieInventory = (Array.isArray(inventory) ? inventory : []).map((entry, index) => parseCookie(object(entry, ['cookieInventory', index]), ['cookieInventory', index], codes, problem));
    const acceptLanguage = parseAcceptLanguagePatterns(root.acceptLanguage, codes, problem);
    const organisationName = text(root, ['organisationName'], false);
    const consentCookieDomain = text(root, ['consentCookieDomain'], false);
    if (consentCookieDomain !== '' && !/^\.?([a-z0-9-]+\.)+[a-z]{2,}$/i.test(consentCookieDomain)) {
        problem(['consentCookieDomain'], `"${consentCookieDomain}" must be a domain such as example.no`);
    }
    const config = {
        languages: codes,
        acceptLanguage,
        ...(organisationName ? { organisationName } : {}),
        contact: {
            email,
            phone: text(contact, ['contact', 'phone']),
            address: text(contact, ['contact', 'address']),
            postalAddress: {
                streetAddress: text(postal, ['contact', 'postalAddress', 'streetAddress']),
                addressLocality: text(postal, ['contact', 'postalAddress', 'addressLocality']),
                ...(postalCode ? { postalCode } : {}),
                addressCountry,
            },
        },
        authority: { name: text(authority, ['authority', 'name']), url: authorityUrl },
        cookieInventory,
        ...(consentCookieDomain ? { consentCookieDomain } : {}),
    };
    return problems.length > 0 ? { problems } : { config: deepFreeze(config), problems };
}
function deepFreeze(value) {
    if (typeof value === 'object' && value !== null) {
        for (const child of Object.values(value))
            deepFreeze(child);
        Object.freeze(value);
    }
    return value;
}
/** Patterns per language; a language without an entry is chosen by its own code (`de`, `de-*`). */
function parseAcceptLanguagePatterns(raw, languages, problem) {
    const given = isObject(raw) ? raw : {};
    if (raw !== undefined && !isObject(raw))
        problem(['acceptLanguage'], 'must be a group of fields in { }');
    for (const key of Object.keys(given)) {
        if (!languages.includes(key))
            problem(['acceptLanguage', key], `"${key}" is not one of the languages`);
    }
    return Object.fromEntries(languages.map((lng) => {
        const patterns = given[lng] ?? [lng, `${lng}-*`];
        const valid = Array.isArray(patterns) &&
            patterns.every((p) => typeof p === 'string' && languagePattern.test(p));
        if (!valid)
            problem(['acceptLanguage', lng], 'must be a list of language tags such as "nb-NO" or "en-*"');
        return [lng, valid ? patterns : []];
    }));
}
//# sourceMappingURL=site-config.js.map
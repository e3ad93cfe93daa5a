import { languageTag, openGraphLocale } from '../content/load-content.js';
import { slipsInParagraph, slipsInText } from './source-text.js';
/** Checks and warnings about one language's notice and identity, beyond key-for-key parity. */
/** Replaces `{{date}}` with the date, keeping a way back from an index in the result to the text. */
function withDate(text, date) {
    const at = text.indexOf('{{date}}');
    if (at < 0)
        return { text, original: (index) => index };
    return {
        text: text.replace('{{date}}', date),
        original: (index) => index < at ? index : index >= at + date.length ? index - date.length + 8 : at,
    };
}
function sectionsOf(document) {
    const sections = document.value.sections;
    return sections && typeof sections === 'object' && !Array.isArray(sections)
        ? sections
        : {};
}
export function checkPolicy(document, order, report) {
    const sections = sectionsOf(document);
    for (const id of order) {
        if (!(id in sections)) {
            report(document, ['sections'], 'error', `section "${id}" is in locales/sections.json but has no text here: add it under "sections"`);
        }
    }
    for (const [id, section] of Object.entries(sections)) {
        if (order.length > 0 && !order.includes(id)) {
            report(document, ['sections', id], 'error', `section "${id}" is not in locales/sections.json: add its id there where it should appear, or remove it here`);
        }
        const paragraphs = section?.paragraphs;
        if (!Array.isArray(paragraphs) || paragraphs.length === 0) {
            report(document, ['sections', id], 'error', `section "${id}" needs "paragraphs": a list of texts in [ ]`);
        }
        if (typeof section?.heading !== 'string') {
            report(document, ['sections', id], 'error', `section "${id}" needs a "heading"`);
        }
    }
}
export function checkLanguageIdentity(document, lng, report) {
    const language = document.value.language ?? {};
    const tag = language.tag;
    if (typeof tag === 'string' && (!languageTag.test(tag) || tag.split('-')[0] !== lng)) {
        report(document, ['language', 'tag'], 'error', `language.tag "${tag}" must be a language tag starting with "${lng}", such as "${lng}" or "zh-Hans"`);
    }
    const ogLocale = language.ogLocale;
    if (typeof ogLocale === 'string' && !openGraphLocale.test(ogLocale)) {
        report(document, ['language', 'ogLocale'], 'error', `language.ogLocale "${ogLocale}" must look like "nb_NO"`);
    }
}
/** Slips in the Norwegian text; the date templates are read with the newest version's dates. */
export function warnAboutSourceText(document, dates, report) {
    const value = document.value;
    const textWarnings = (pathParts, text, original = (i) => i) => {
        for (const slip of slipsInText(text))
            report(document, pathParts, 'warning', slip.message, original(slip.index));
    };
    for (const which of ['updated', 'effective']) {
        const template = value[which];
        if (typeof template !== 'string')
            continue;
        const filled = withDate(template, dates[which]);
        textWarnings([which], filled.text, filled.original);
    }
    if (typeof value.note === 'string') {
        textWarnings(['note'], value.note);
        for (const slip of slipsInParagraph(value.note, undefined))
            report(document, ['note'], 'warning', slip.message, slip.index);
    }
    for (const [id, section] of Object.entries(sectionsOf(document))) {
        const paragraphs = Array.isArray(section?.paragraphs) ? section.paragraphs : [];
        paragraphs.forEach((paragraph, index) => {
            if (typeof paragraph !== 'string')
                return;
            const at = ['sections', id, 'paragraphs', index];
            textWarnings(at, paragraph);
            const next = paragraphs[index + 1];
            for (const slip of slipsInParagraph(paragraph, typeof next === 'string' ? next : undefined)) {
                report(document, at, 'warning', slip.message, slip.index);
            }
        });
    }
}
//# sourceMappingURL=check-policy.js.map
import { ConfigError } from '../config-error.js';
import { pageLinkResolver } from '../site-pages.js';
import { textWithDate } from './dates.js';
import { textList, translatorFor } from './locales.js';
import { renderParagraph } from './markup.js';
import { versionNamespace } from './version-index.js';
/** The section ids of a version, in the order its Norwegian file lists them. */
export function versionSectionOrder(i18n, source, version) {
    return Object.keys(i18n.getResource(source, versionNamespace(version.id), 'sections') ?? {});
}
/** One version of the notice in one language: its dates, summary and sections, links resolved. */
export function buildPolicyVersion(i18n, lng, version, order) {
    const t = translatorFor(i18n, lng);
    const ns = versionNamespace(version.id);
    const file = `locales/${lng}/${ns}.json`;
    const resolvePage = pageLinkResolver(lng);
    const written = Object.keys(i18n.getResource(lng, ns, 'sections') ?? {});
    const unordered = written.filter((id) => !order.includes(id));
    if (unordered.length > 0) {
        throw new ConfigError(`locale file ${file}: section "${unordered[0]}" is not in the Norwegian text of this version`);
    }
    return {
        version,
        updatedDate: version.updated,
        updated: textWithDate(t(`${ns}:updated`, { skipInterpolation: true }), version.updated, lng),
        effective: textWithDate(t(`${ns}:effective`, { skipInterpolation: true }), version.effective, lng),
        summary: t(`${ns}:summary`),
        note: t(`${ns}:note`),
        sections: order.map((id) => {
            const sourceParagraphs = textList(i18n, lng, `${ns}:sections.${id}.paragraphs`);
            return {
                id,
                heading: t(`${ns}:sections.${id}.heading`),
                paragraphs: sourceParagraphs.map((text, index) => renderParagraph(text, resolvePage, `locale file ${file}: sections.${id}.paragraphs[${index}]`)),
                sourceParagraphs,
            };
        }),
    };
}
//# sourceMappingURL=policy.js.map
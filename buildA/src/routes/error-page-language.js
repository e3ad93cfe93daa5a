import { negotiateLanguage } from '../accept-language.js';
/**
 * The language an error page should speak: the path's first segment when it is a language we
 * serve, otherwise the visitor's Accept-Language, otherwise the default.
 */
export function errorPageLanguage(path, acceptLanguage, site) {
    const { responses, content } = site;
    const segment = path.split('/')[1] ?? '';
    if (responses.languages.includes(segment))
        return segment;
    return negotiateLanguage(acceptLanguage, content.site.acceptLanguage, responses.defaultLanguage);
}
//# sourceMappingURL=error-page-language.js.map
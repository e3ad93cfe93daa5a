/** The pages every language has, and the path of each. Routes, links and the sitemap use this list. */
export const pageNames = ['policy', 'cookies', 'contact'];
const slugs = { policy: '', cookies: 'cookies', contact: 'contact' };
export function isPageName(value) {
    return pageNames.includes(value);
}
export function pagePath(lng, page) {
    return `/${lng}/${slugs[page]}`;
}
/** Resolves a `page:` link target such as `contact` or `contact#datatilsynet` for one language. */
export function pageLinkResolver(lng) {
    return (target) => {
        const [page = '', fragment] = target.split('#', 2);
        if (!isPageName(page))
            return undefined;
        if (fragment !== undefined && !/^[a-z][a-z0-9-]*$/.test(fragment))
            return undefined;
        return fragment === undefined ? pagePath(lng, page) : `${pagePath(lng, page)}#${fragment}`;
    };
}
/** The list of published versions of the notice. */
export function versionsPath(lng) {
    return `/${lng}/versions`;
}
/** One published version of the notice, named by its effective date. */
export function versionPath(lng, id) {
    return `/${lng}/versions/${id}`;
}
/** What changed from an older version to a newer one. */
export function comparePath(lng, older, newer) {
    return `/${lng}/versions/${older}/compare/${newer}`;
}
/** The Atom feed of the notice's versions. */
export function feedPath(lng) {
    return `/${lng}/changes.atom`;
}
//# sourceMappingURL=site-pages.js.map
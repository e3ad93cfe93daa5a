/**
 * The pages every language has in its menu: the address (slug) under the language, the locale
 * file (namespace) that holds its title and texts, and its template in views/pages/. Routes,
 * links, the menu and the sitemap use this table; adding a page is adding a row here, a locale
 * file and a template.
 */
export const sitePages = [
  { name: 'policy', slug: '', namespace: 'policy', template: 'policy' },
  { name: 'cookies', slug: 'cookies', namespace: 'cookies', template: 'cookies' },
  { name: 'contact', slug: 'contact', namespace: 'contact', template: 'contact' },
] as const

export type SitePage = (typeof sitePages)[number]
export type PageName = SitePage['name']
export const pageNames: readonly PageName[] = sitePages.map((page) => page.name)

const slugs = Object.fromEntries(sitePages.map((page) => [page.name, page.slug])) as Record<
  PageName,
  string
>

export function isPageName(value: string): value is PageName {
  return (pageNames as readonly string[]).includes(value)
}

export function pagePath(lng: string, page: PageName): string {
  return `/${lng}/${slugs[page]}`
}

/** Resolves a `page:` link target such as `contact` or `contact#datatilsynet` for one language. */
export function pageLinkResolver(lng: string): (target: string) => string | undefined {
  return (target) => {
    const [page = '', fragment] = target.split('#', 2)
    if (!isPageName(page)) return undefined
    if (fragment !== undefined && !/^[a-z][a-z0-9-]*$/.test(fragment)) return undefined
    return fragment === undefined ? pagePath(lng, page) : `${pagePath(lng, page)}#${fragment}`
  }
}

/** The list of published versions of the notice. */
export function versionsPath(lng: string): string {
  return `/${lng}/versions`
}

/** One published version of the notice, named by its effective date. */
export function versionPath(lng: string, id: string): string {
  return `/${lng}/versions/${id}`
}

/** What changed from an older version to a newer one. */
export function comparePath(lng: string, older: string, newer: string): string {
  return `/${lng}/versions/${older}/compare/${newer}`
}

/** The Atom feed of the notice's versions. */
export function feedPath(lng: string): string {
  return `/${lng}/changes.atom`
}

/** The form for privacy requests. */
export function requestPath(lng: string): string {
  return `/${lng}/request`
}

/** A request's status page, reached through the link in the email. */
export function requestStatusPath(lng: string, token: string): string {
  return `/${lng}/request/${token}`
}

/** The page that confirms a request's email address, reached through the link in the email. */
export function requestConfirmPath(lng: string, token: string): string {
  return `/${lng}/request/confirm/${token}`
}

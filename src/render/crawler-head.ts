import { type PageName, pagePath } from '../config/site-pages.js'
import type { Content, LanguageContent } from '../content/content-model.js'
import type { VersionEntry } from '../content/version-index.js'
import { structuredData } from './structured-data.js'

/** Where a page is in each language, so the switcher and the crawler tags can point to it. */
export type PathIn = (lng: string) => string

/** What the layout needs to know about a page, beyond its body. */
export interface PageParts {
  readonly title: string
  readonly description: string
  readonly pathIn: PathIn
  /** The menu entry to mark as the current page, if the page is one of the menu's. */
  readonly current: PageName | undefined
  /** Pages not meant for search results: earlier versions, comparisons, errors. */
  readonly robots: string | null
  /** Only pages in the sitemap get structured data and Open Graph tags. */
  readonly describe: boolean
  /** The version of the notice the page shows or belongs to, named on paper. */
  readonly version: VersionEntry
}

/**
 * The head's tags for search engines and link previews: title, canonical address, language
 * alternates, and for pages in the sitemap Open Graph tags and schema.org structured data.
 */
export function crawlerHead(
  content: Content,
  language: LanguageContent,
  parts: PageParts,
  baseUrl: string,
) {
  const source = content.languages[0] ?? language
  const url = (lng: string) => `${baseUrl}${parts.pathIn(lng)}`
  const siteName = content.contact.controller?.name ?? language.t('common:site.name')
  const { title, description } = parts
  return {
    title,
    description,
    robots: parts.robots,
    canonical: url(language.lng),
    alternates: [
      ...content.languages.map((other) => ({ hreflang: other.tag, href: url(other.lng) })),
      { hreflang: 'x-default', href: url(source.lng) },
    ],
    privacyPolicy: `${baseUrl}${pagePath(language.lng, 'policy')}`,
    openGraph: parts.describe
      ? {
          title,
          description,
          url: url(language.lng),
          siteName,
          locale: language.ogLocale,
          alternateLocales: content.languages
            .filter((other) => other.lng !== language.lng)
            .map((other) => other.ogLocale),
        }
      : null,
    jsonLd: parts.describe
      ? structuredData({
          url: url(language.lng),
          name: title,
          description,
          inLanguage: language.tag,
          dateModified: language.policy.version.updated,
          siteUrl: baseUrl,
          siteName,
          contact: content.contact,
          availableLanguages: content.languages.map((other) => other.name),
        })
      : null,
  }
}

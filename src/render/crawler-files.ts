import { pageNames, pagePath, requestPath, versionsPath } from '../config/site-pages.js'
import type { Content } from '../content/content-model.js'
import { firstDayOf } from '../content/dates.js'
import { escapeHtml } from '../content/html.js'

/**
 * The sitemap: every page of every language, with its language alternates (sitemaps.org 0.9).
 * The schema wants a full date in lastmod, so a policy dated by year or month gives its first day.
 */
export function sitemapXml(content: Content, baseUrl: string): string {
  const source = content.languages[0]
  // Earlier versions and comparisons are `noindex`: the list of versions links them.
  const newest = content.timeline.index.versions.at(-1)?.updated
  const pages: { pathIn: (lng: string) => string; updated?: string }[] = [
    ...pageNames.map((page) => ({ pathIn: (lng: string) => pagePath(lng, page) })),
    ...(content.site.privacyRequests.enabled ? [{ pathIn: requestPath }] : []),
    { pathIn: versionsPath, ...(newest ? { updated: newest } : {}) },
  ]
  const urls = content.languages.flatMap((language) =>
    pages.map(({ pathIn, updated }) => {
      const alternates = [
        ...content.languages.map((other) => [other.tag, other.lng] as const),
        ['x-default', source?.lng ?? language.lng] as const,
      ].map(
        ([hreflang, lng]) =>
          `    <xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeHtml(`${baseUrl}${pathIn(lng)}`)}"/>`,
      )
      return [
        '  <url>',
        `    <loc>${escapeHtml(`${baseUrl}${pathIn(language.lng)}`)}</loc>`,
        `    <lastmod>${firstDayOf(updated ?? language.policy.version.updated)}</lastmod>`,
        ...alternates,
        '  </url>',
      ].join('\n')
    }),
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n')
}

export function robotsTxt(baseUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${baseUrl}/sitemap.xml\n`
}

const day = 24 * 60 * 60 * 1000

/** RFC 9116 security.txt; Expires is a little under a year from when the content was built. */
export function securityTxt(content: Content, baseUrl: string, now: Date): string {
  const expires = new Date(Math.floor(now.getTime() / day) * day + 360 * day)
  const source = content.languages[0]?.lng ?? 'nb'
  return [
    ...(content.contact.email ? [`Contact: mailto:${content.contact.email}`] : []),
    `Contact: ${baseUrl}${pagePath(source, 'contact')}`,
    `Expires: ${expires.toISOString()}`,
    `Preferred-Languages: ${content.languages.map((language) => language.lng).join(', ')}`,
    `Canonical: ${baseUrl}/.well-known/security.txt`,
    '',
  ].join('\n')
}

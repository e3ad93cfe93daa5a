import { comparePath, feedPath, versionPath, versionsPath } from '../config/site-pages.js'
import type { Content, LanguageContent } from '../content/content-model.js'
import { formatPolicyDate } from '../content/dates.js'
import { escapeHtml } from '../content/html.js'
import { startOfDate } from '../content/version-index.js'

/**
 * The versions of the notice as an Atom feed (RFC 4287), newest first: one entry per version with
 * its summary, linking to what changed from the version before (or to the first version itself).
 */
export function atomFeed(content: Content, language: LanguageContent, baseUrl: string): string {
  const { t, lng, tag } = language
  const { timeZone, versions } = content.timeline.index
  const instant = (date: string) => startOfDate(date, timeZone).toISOString().replace('.000Z', 'Z')
  const url = (path: string) => escapeHtml(`${baseUrl}${path}`)
  const entries = versions
    .map((version, index) => {
      const previous = versions[index - 1]
      const policy = language.versions.get(version.id)
      const link = previous
        ? comparePath(lng, previous.id, version.id)
        : versionPath(lng, version.id)
      return [
        '  <entry>',
        `    <id>${url(versionPath(lng, version.id))}</id>`,
        `    <title>${escapeHtml(t('history:feed.entry', { date: formatPolicyDate(version.effective, lng) }))}</title>`,
        `    <updated>${instant(version.updated)}</updated>`,
        `    <link rel="alternate" type="text/html" href="${url(link)}"/>`,
        `    <summary type="text">${escapeHtml(policy?.summary ?? '')}</summary>`,
        '  </entry>',
      ].join('\n')
    })
    .reverse()
  const updated = versions
    .map((version) => instant(version.updated))
    .sort()
    .at(-1)
  const author = content.contact.controller?.name ?? t('common:site.name')
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeHtml(tag)}">`,
    `  <id>${url(feedPath(lng))}</id>`,
    `  <title>${escapeHtml(t('history:feed.title'))}</title>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeHtml(author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${url(feedPath(lng))}"/>`,
    `  <link rel="alternate" type="text/html" href="${url(versionsPath(lng))}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}

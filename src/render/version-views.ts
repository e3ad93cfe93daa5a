import { comparePath, pagePath, versionPath, versionsPath } from '../config/site-pages.js'
import type { LanguageContent } from '../content/content-model.js'
import { formatPolicyDate, textWithDate, textWithDates } from '../content/dates.js'
import type { Html } from '../content/html.js'
import type { VersionTimeline } from '../content/version-index.js'

/** What the version pages show, shaped from the content so that the templates only print. */

type Standing = 'inForce' | 'upcoming' | 'earlier'

function standingOf(timeline: VersionTimeline, id: string): Standing {
  if (id === timeline.inForce.id) return 'inForce'
  return timeline.upcoming.some((version) => version.id === id) ? 'upcoming' : 'earlier'
}

/** The version before `id` in the list, to compare with. */
function previousOf(timeline: VersionTimeline, id: string): string | undefined {
  const { versions } = timeline.index
  const at = versions.findIndex((version) => version.id === id)
  return at > 0 ? versions[at - 1]?.id : undefined
}

export interface VersionListItem {
  readonly id: string
  readonly title: Html
  readonly standing: Standing
  readonly standingLabel: string
  readonly updated: Html
  readonly summary: string
  readonly href: string
  readonly compareHref: string | null
}

/** Every version, newest first, with its dates, summary and links. */
export function versionListView(
  language: LanguageContent,
  timeline: VersionTimeline,
): VersionListItem[] {
  const { t, lng } = language
  return [...language.versions.values()].reverse().map((policy) => {
    const { id } = policy.version
    const standing = standingOf(timeline, id)
    const previous = previousOf(timeline, id)
    return {
      id,
      title: textWithDate(
        t('history:list.item', { skipInterpolation: true }),
        policy.version.effective,
        lng,
      ),
      standing,
      standingLabel: t(`history:list.${standing}`),
      updated: textWithDate(
        t('history:list.updated', { skipInterpolation: true }),
        policy.version.updated,
        lng,
      ),
      summary: policy.summary,
      href: versionPath(lng, id),
      compareHref: previous ? comparePath(lng, previous, id) : null,
    }
  })
}

export interface VersionStatus {
  /** The page's heading, naming the version. */
  readonly heading: string
  readonly standing: Standing
  readonly text: Html
  readonly currentHref: string
  readonly allHref: string
}

/** The box at the top of a version's page: whether it is in force, and since or until when. */
export function versionStatusView(
  language: LanguageContent,
  timeline: VersionTimeline,
  id: string,
): VersionStatus {
  const { t, lng } = language
  const standing = standingOf(timeline, id)
  const { versions } = timeline.index
  const at = versions.findIndex((version) => version.id === id)
  const template = t(`history:version.${standing}`, { skipInterpolation: true })
  const effective = versions[at]?.effective ?? id
  const text =
    standing === 'earlier'
      ? textWithDates(template, { from: effective, to: versions[at + 1]?.effective ?? id }, lng)
      : textWithDate(template, effective, lng)
  return {
    heading: t('history:version.title', { date: formatPolicyDate(effective, lng) }),
    standing,
    text,
    currentHref: pagePath(lng, 'policy'),
    allHref: versionsPath(lng),
  }
}

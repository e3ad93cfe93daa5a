import { isObject } from '../config/json-value.js'
import { firstDayOf, todayIn } from '../content/dates.js'
import { noticeText } from '../content/notice-text.js'
import { versionIndexFile, versionNamespace } from '../content/version-index.js'
import type { SourceFile, SourceSet } from '../read/read-sources.js'

/**
 * For `npm run preview` only: the sources as they would be once the notice being written
 * (`draft.json` in every language) is published as the next version, as `npm run publish`
 * would write it. Nothing is written to disk.
 */

/** What a version's list of changes says in the preview, where publish asks staff to write it. */
export const previewSummary = 'Preview: the summary is written when the version is published.'

function parsed(source: SourceFile | undefined): unknown {
  try {
    return source?.text === undefined ? undefined : JSON.parse(source.text)
  } catch {
    return undefined
  }
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

/**
 * Tomorrow, or the day after the newest version when that is later: the first date on which the
 * draft is still a coming version, announced on every page (publish also allows today).
 */
export function comingEffective(today: string, newest: string | undefined): string {
  const tomorrow = nextDay(today)
  if (newest === undefined) return tomorrow
  const newestDay = firstDayOf(newest)
  return tomorrow > newestDay ? tomorrow : nextDay(newestDay)
}

export interface DraftPreview {
  readonly sources: SourceSet
  /** The version the draft is shown as; none when the list of versions cannot be read. */
  readonly id?: string
}

export function draftAsComingVersion(read: SourceSet, now: Date, effective?: string): DraftPreview {
  const list = parsed(read.versionList)
  if (!isObject(list) || !Array.isArray(list.versions) || typeof list.timeZone !== 'string') {
    return { sources: read }
  }
  const today = todayIn(list.timeZone, now)
  const id = effective ?? comingEffective(today, read.versionIds.at(-1))
  const order = parsed(read.sectionOrder)
  const sectionIds =
    isObject(order) && Array.isArray(order.policy)
      ? order.policy.filter((item): item is string => typeof item === 'string')
      : []
  const drafts = read.languages.map(
    (lng) => [lng, parsed(read.locales.get(`${lng}/draft`))] as const,
  )
  // A draft that does not parse in one language cannot be a version: the checker says why.
  if (!drafts.every(([, draft]) => isObject(draft))) return { sources: read }
  const locales = new Map(read.locales)
  const folder = read.localesFolder
  for (const [lng, draft] of drafts) {
    if (!isObject(draft)) continue
    const text = {
      $schema: '../../../schemas/policy-version.schema.json',
      summary: previewSummary,
      ...noticeText(draft, sectionIds),
    }
    locales.set(`${lng}/${versionNamespace(id)}`, {
      file: `${folder}/${lng}/${versionNamespace(id)}.json`,
      text: JSON.stringify(text, null, 2),
    })
  }
  const versionList = {
    file: `${folder}/${versionIndexFile}`,
    text: JSON.stringify({
      ...list,
      versions: [...list.versions, { effective: id, updated: today }],
    }),
  }
  return {
    id,
    sources: {
      ...read,
      versionList,
      versionIds: [...read.versionIds, id],
      locales,
      versionFiles: new Map(
        read.languages.map((lng) => [lng, [...(read.versionFiles.get(lng) ?? []), `${id}.json`]]),
      ),
    },
  }
}

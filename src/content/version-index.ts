import { ConfigError } from '../config/config-error.js'
import { isObject } from '../config/json-value.js'
import { firstDayOf, isPolicyDate, type PolicyDate } from './dates.js'

/**
 * The published versions of the notice, listed in `locales/versions.json`, oldest first. A
 * version is named by its effective date, which is also its address: `/nb/versions/2027-01-01`.
 */
export interface VersionEntry {
  readonly id: PolicyDate
  readonly effective: PolicyDate
  readonly updated: PolicyDate
}

export interface VersionIndex {
  /** The time zone in which an effective date begins, such as `Europe/Oslo`. */
  readonly timeZone: string
  readonly versions: readonly VersionEntry[]
}

export interface VersionIndexProblem {
  readonly path: readonly (string | number)[]
  readonly message: string
}

export const versionIndexFile = 'versions.json'

/** The locale file (i18next namespace) that holds one version's text: `versions/2024`. */
export function versionNamespace(id: string): string {
  return `versions/${id}`
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

/** Checks a parsed version index; every problem is reported with where it is. */
export function versionIndexProblems(raw: unknown): VersionIndexProblem[] {
  if (!isObject(raw)) return [{ path: [], message: 'the file must be a group in { }' }]
  const problems: VersionIndexProblem[] = []
  if (typeof raw.timeZone !== 'string' || !isTimeZone(raw.timeZone)) {
    problems.push({
      path: ['timeZone'],
      message: `"timeZone" must be a time zone such as "Europe/Oslo"`,
    })
  }
  const versions = raw.versions
  if (!Array.isArray(versions) || versions.length === 0) {
    problems.push({
      path: ['versions'],
      message: '"versions" must be a list with at least the first version of the notice',
    })
    return problems
  }
  let previous: string | undefined
  versions.forEach((version: unknown, index) => {
    if (!isObject(version)) {
      problems.push({ path: ['versions', index], message: 'each version is a group in { }' })
      return
    }
    for (const which of ['effective', 'updated'] as const) {
      const value = version[which]
      if (typeof value !== 'string' || !isPolicyDate(value)) {
        problems.push({
          path: ['versions', index, which],
          message: `"${which}" must be a year (2024), a month (2024-05) or a day (2024-05-17)`,
        })
      }
    }
    const effective = version.effective
    if (typeof effective !== 'string' || !isPolicyDate(effective)) return
    if (previous !== undefined && firstDayOf(effective) <= firstDayOf(previous)) {
      problems.push({
        path: ['versions', index, 'effective'],
        message: `versions are listed oldest first, each taking effect after the one before: ${effective} is not after ${previous}`,
      })
    }
    previous = effective
  })
  return problems
}

/** The list of versions as the check stage passed it (`checkVersionList` found no problem). */
export function versionIndexOf(value: unknown): VersionIndex {
  const list = value as { timeZone: string; versions: { effective: string; updated: string }[] }
  return Object.freeze({
    timeZone: list.timeZone,
    versions: Object.freeze(
      list.versions.map((version) =>
        Object.freeze({
          id: version.effective,
          effective: version.effective,
          updated: version.updated,
        }),
      ),
    ),
  })
}

const calendars = new Map<string, Intl.DateTimeFormat>()

/** The calendar date at an instant in a time zone, as `2027-01-01`. */
function localDate(instant: number, timeZone: string): string {
  let calendar = calendars.get(timeZone)
  if (!calendar) {
    calendar = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    calendars.set(timeZone, calendar)
  }
  const parts = calendar.formatToParts(instant)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

const quarterHour = 15 * 60_000

/**
 * The instant a date begins in a time zone: the first moment whose local date is that date.
 * `2027-01-01` in Europe/Oslo begins at 2026-12-31T23:00Z. Where clocks skip midnight, the day
 * begins when they jump; where they go back over midnight, at the first midnight. Offsets and
 * clock changes fall on quarter hours, so the search steps by quarter hours from 14 hours before
 * midnight UTC (the earliest any zone reaches a date) to 12 hours after (the latest).
 */
export function startOfDate(date: PolicyDate, timeZone: string): Date {
  const day = firstDayOf(date)
  const midnight = Date.parse(`${day}T00:00:00Z`)
  for (
    let instant = midnight - 14 * 3_600_000;
    instant <= midnight + 12 * 3_600_000;
    instant += quarterHour
  ) {
    if (localDate(instant, timeZone) >= day) return new Date(instant)
  }
  return new Date(midnight)
}

/** Which version is in force at an instant, and which are announced but not yet in force. */
export interface VersionTimeline {
  readonly index: VersionIndex
  readonly inForce: VersionEntry
  /** Versions whose effective date has not come yet, soonest first. */
  readonly upcoming: readonly VersionEntry[]
  /** When the next version takes effect: the site is rebuilt then. */
  readonly nextChangeAt: Date | undefined
}

export function versionTimeline(index: VersionIndex, now: Date): VersionTimeline {
  const started = (version: VersionEntry) =>
    startOfDate(version.effective, index.timeZone).getTime() <= now.getTime()
  const past = index.versions.filter(started)
  const inForce = past.at(-1)
  if (!inForce) {
    const first = index.versions[0]
    throw new ConfigError(
      `version list: no version of the notice is in force yet; the first takes effect on ${first?.effective}`,
    )
  }
  const upcoming = index.versions.filter((version) => !started(version))
  const next = upcoming[0]
  return {
    index,
    inForce,
    upcoming,
    nextChangeAt: next ? startOfDate(next.effective, index.timeZone) : undefined,
  }
}

/** The version in force and the next one announced, as the readiness endpoint reports them. */
export interface NoticeState {
  readonly inForce: string
  readonly next: { readonly version: string; readonly takesEffect: string } | null
}

export function noticeState(timeline: VersionTimeline): NoticeState {
  const next = timeline.upcoming[0]
  const at = timeline.nextChangeAt
  return {
    inForce: timeline.inForce.id,
    next: next && at ? { version: next.id, takesEffect: at.toISOString() } : null,
  }
}

import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { checkContent } from '../check/check-content.js'
import { type Finding, formatFinding } from '../check/findings.js'
import { isPolicyDate, type PolicyDate } from '../content/dates.js'
import { loadSectionOrder } from '../content/section-order.js'
import {
  dayOf,
  loadVersionIndex,
  type VersionIndex,
  versionIndexFile,
  versionNamespace,
} from '../content/version-index.js'
import { loadSiteConfig } from '../site-config.js'

/** Snapshots the text staff edit (`locales/{lng}/policy.json`) as a new published version. */

export interface PublishRequest {
  readonly localesDir: string
  readonly siteConfigPath: string
  readonly env: NodeJS.ProcessEnv
  readonly effective: string
  /** When the text was written; today when not given. */
  readonly updated?: string
  readonly now: Date
}

/** A version ready to be written once its summaries are known. */
export interface PublishPlan {
  readonly id: PolicyDate
  readonly effective: PolicyDate
  readonly updated: PolicyDate
  readonly languages: readonly string[]
  /** Days from today until the version takes effect: the notice visitors get. */
  readonly noticeDays: number
  /** The checker's warnings, such as a translation that lacks a Norwegian change. */
  readonly warnings: readonly Finding[]
  readonly index: VersionIndex
}

type Json = Record<string, unknown>
/** The checker's words for a translation that lacks a change made in the Norwegian text. */
const translationLags = 'that this translation does not have'
const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json

/** Today's date in the versions' time zone, as `2026-11-26`. */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now)
}

/** The note and sections of a text, sections in the shared order: what a version holds. */
function noticeText(json: Json, order: readonly string[]): Json {
  const sections = (json.sections ?? {}) as Json
  return {
    note: json.note,
    sections: Object.fromEntries(
      order.filter((id) => id in sections).map((id) => [id, sections[id]]),
    ),
  }
}

/** Checks that a version can be published; the problems are in words staff can act on. */
export function planPublish(request: PublishRequest): { plan?: PublishPlan; problems: string[] } {
  const { localesDir } = request
  const check = checkContent({
    localesDir,
    siteConfigPath: request.siteConfigPath,
    env: request.env,
  })
  if (check.errors.length > 0) {
    return {
      problems: [
        'the content has errors: fix them first (npm run check)',
        ...check.errors.map(formatFinding),
      ],
    }
  }
  const index = loadVersionIndex(localesDir)
  const languages = loadSiteConfig(request.siteConfigPath).languages
  const today = todayIn(index.timeZone, request.now)
  const updated = request.updated ?? today
  const problems: string[] = []
  const dateProblem = (name: string, value: string) =>
    `--${name} ${value} must be a year (2027), a month (2027-01) or a day (2027-01-01)`
  if (!isPolicyDate(request.effective)) problems.push(dateProblem('effective', request.effective))
  if (!isPolicyDate(updated)) problems.push(dateProblem('updated', updated))
  if (problems.length > 0) return { problems }

  const newest = index.versions.at(-1)
  if (newest && dayOf(request.effective) <= dayOf(newest.effective)) {
    problems.push(
      `--effective ${request.effective} must be after the newest version, which takes effect on ${newest.effective}`,
    )
  }
  if (dayOf(request.effective) < today) {
    problems.push(
      `--effective ${request.effective} is in the past: a new version cannot take effect before today (${today})`,
    )
  }
  if (dayOf(updated) > today) problems.push(`--updated ${updated} is in the future`)
  const order = loadSectionOrder(localesDir)
  const [source = 'nb'] = languages
  if (newest) {
    const draft = noticeText(readJson(path.join(localesDir, source, 'policy.json')), order)
    const published = readJson(path.join(localesDir, source, `${versionNamespace(newest.id)}.json`))
    const publishedText = { note: published.note, sections: published.sections }
    if (JSON.stringify(draft) === JSON.stringify(publishedText)) {
      problems.push(
        `the text in locales/${source}/policy.json is the same as version ${newest.id}: edit it first, then publish`,
      )
    }
  }
  if (problems.length > 0) return { problems }
  const effectiveDay = Date.parse(`${dayOf(request.effective)}T00:00:00Z`)
  return {
    problems: [],
    plan: {
      id: request.effective,
      effective: request.effective,
      updated,
      languages,
      noticeDays: Math.round((effectiveDay - Date.parse(`${today}T00:00:00Z`)) / 86_400_000),
      warnings: check.findings.filter((finding) => finding.message.includes(translationLags)),
      index,
    },
  }
}

/** Writes a file whole: a reader (the running server) never sees half of it. */
function writeJsonAtomically(file: string, value: unknown): void {
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`)
  renameSync(temporary, file)
}

/**
 * Writes the version's text in every language, then lists it in `locales/versions.json`: the
 * list is written last, so a running server picks the version up only when all of it is there.
 */
export function writeVersion(
  localesDir: string,
  plan: PublishPlan,
  summaries: Readonly<Record<string, string>>,
): string[] {
  const order = loadSectionOrder(localesDir)
  const written: string[] = []
  for (const lng of plan.languages) {
    const summary = summaries[lng]?.trim()
    if (!summary) throw new Error(`no summary for ${lng}`)
    const file = path.join(localesDir, lng, `${versionNamespace(plan.id)}.json`)
    writeJsonAtomically(file, {
      $schema: '../../../schemas/policy-version.schema.json',
      summary,
      ...noticeText(readJson(path.join(localesDir, lng, 'policy.json')), order),
    })
    written.push(file)
  }
  const indexFile = path.join(localesDir, versionIndexFile)
  const index = readJson(indexFile)
  const versions = Array.isArray(index.versions) ? index.versions : []
  writeJsonAtomically(indexFile, {
    ...index,
    versions: [...versions, { effective: plan.effective, updated: plan.updated }],
  })
  written.push(indexFile)
  return written
}

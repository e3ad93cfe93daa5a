import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { checkContent } from '../check/check-content.js'
import { summaryProblem, translationLacksChange } from '../check/check-versions.js'
import { type Finding, formatFinding } from '../check/findings.js'
import { ConfigError } from '../config/config-error.js'
import { firstDayOf, type PolicyDate, todayIn } from '../content/dates.js'
import { isPublishedText, noticeText } from '../content/notice-text.js'
import { versionIndexFile, versionIndexOf, versionNamespace } from '../content/version-index.js'
import { dateOptionProblem } from './date-option.js'

/** Snapshots the text staff edit (`locales/{lng}/draft.json`) as a new published version. */

export interface PublishSources {
  readonly localesDir: string
  readonly siteConfigPath: string
  readonly env: NodeJS.ProcessEnv
}

export interface PublishRequest extends PublishSources {
  readonly effective: string
  /** Publish though a translation lacks a Norwegian change: staff decided so, knowingly. */
  readonly allowUntranslated?: boolean
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
  /** The texts a translation lacks a Norwegian change in, published knowingly. */
  readonly warnings: readonly Finding[]
  /** The order of the sections (locales/sections.json), which the version keeps. */
  readonly order: readonly string[]
  /** The text to publish in each language, as checked (its draft.json). */
  readonly texts: Readonly<Record<string, Json>>
}

type Json = Record<string, unknown>

/** A new version takes effect after the newest one and not before today, written by today. */
function whenProblems(
  effective: string,
  updated: string,
  today: string,
  newest: { readonly effective: string } | undefined,
): string[] {
  const problems: string[] = []
  const effectiveDay = firstDayOf(effective)
  if (newest && effectiveDay <= firstDayOf(newest.effective)) {
    problems.push(
      `--effective ${effective} must be after the newest version, which takes effect on ${newest.effective}`,
    )
  }
  if (effectiveDay < today) {
    problems.push(
      `--effective ${effective} is in the past: a new version cannot take effect before today (${today})`,
    )
  }
  if (firstDayOf(updated) > today) problems.push(`--updated ${updated} is in the future`)
  return problems
}

/** Checks that a version can be published; the problems are in words staff can act on. */
export function planPublish(request: PublishRequest): { plan?: PublishPlan; problems: string[] } {
  const check = checkContent(request)
  const errors = [...check.errors, ...check.draftErrors]
  if (errors.length > 0) {
    return {
      problems: [
        'the content has errors: fix them first (npm run check)',
        ...errors.map(formatFinding),
      ],
    }
  }
  const value = (key: string) => check.documents.get(key)?.value as Json
  const index = versionIndexOf(value('versions'))
  const languages = check.site?.languages ?? []
  const today = todayIn(index.timeZone, request.now)
  const updated = request.updated ?? today
  const problems = [
    dateOptionProblem('effective', request.effective),
    dateOptionProblem('updated', updated),
  ].filter((problem) => problem !== undefined)
  if (problems.length > 0) return { problems }

  const effectiveDay = firstDayOf(request.effective)
  const newest = index.versions.at(-1)
  problems.push(...whenProblems(request.effective, updated, today, newest))
  const order = (value('sections') as { policy: string[] }).policy
  const unchanged = (lng: string) =>
    newest !== undefined &&
    isPublishedText(value(`${lng}/draft`), order, value(`${lng}/${versionNamespace(newest.id)}`))
  if (newest && languages.every(unchanged)) {
    problems.push(
      `the text in every language's draft.json is the same as version ${newest.id}: edit it first, then publish`,
    )
  }
  const untranslated = check.findings.filter((finding) =>
    finding.message.startsWith(translationLacksChange),
  )
  if (untranslated.length > 0 && !request.allowUntranslated) {
    problems.push(
      'a translation lacks a change made in Norwegian since the version in force: translate each text below, or publish knowingly with --allow-untranslated',
      ...untranslated.map(formatFinding),
    )
  }
  if (problems.length > 0) return { problems }
  const days = (Date.parse(effectiveDay) - Date.parse(today)) / 86_400_000
  return {
    problems: [],
    plan: {
      id: request.effective,
      effective: request.effective,
      updated,
      languages,
      noticeDays: Math.round(days),
      order,
      texts: Object.fromEntries(
        languages.map((lng) => [lng, noticeText(value(`${lng}/draft`), order)]),
      ),
      warnings: untranslated,
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
 * If the checker then finds an error, the version's files are taken back and the error thrown.
 */
export function writeVersion(
  sources: PublishSources,
  plan: PublishPlan,
  summaries: Readonly<Record<string, string>>,
): string[] {
  const { localesDir } = sources
  for (const lng of plan.languages) {
    const problem = summaryProblem(summaries[lng] ?? '')
    if (problem) throw new ConfigError(`the summary in ${lng}: ${problem}`)
  }
  const written: string[] = []
  for (const lng of plan.languages) {
    const file = path.join(localesDir, lng, `${versionNamespace(plan.id)}.json`)
    writeJsonAtomically(file, {
      $schema: '../../../schemas/policy-version.schema.json',
      summary: (summaries[lng] ?? '').trim(),
      ...plan.texts[lng],
    })
    written.push(file)
  }
  const indexFile = path.join(localesDir, versionIndexFile)
  const listed = readFileSync(indexFile, 'utf8')
  const index = JSON.parse(listed) as Json
  const versions = Array.isArray(index.versions) ? index.versions : []
  writeJsonAtomically(indexFile, {
    ...index,
    versions: [...versions, { effective: plan.effective, updated: plan.updated }],
  })
  // Listed, the new version is checked as the server would check it; with an error, it is
  // taken back whole (a running server refuses it meanwhile and keeps the last good content).
  const check = checkContent(sources)
  const errors = [...check.errors, ...check.draftErrors]
  if (errors.length > 0) {
    writeFileSync(indexFile, listed)
    for (const file of written) rmSync(file, { force: true })
    throw new ConfigError(
      `the new version has errors, so it was not published:\n${errors.map(formatFinding).join('\n')}`,
    )
  }
  return [...written, indexFile]
}

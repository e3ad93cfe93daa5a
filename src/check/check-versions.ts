import { isObject } from '../config/json-value.js'
import { isPublishedText, versionedFields } from '../content/notice-text.js'
import { startOfDate, versionIndexProblems } from '../content/version-index.js'
import type { Report } from './check-policy.js'
import type { Finding } from './findings.js'
import type { JsonDocument } from './json-document.js'

/** Checks of the published versions: the list of versions and each version's text. */

type Json = Record<string, unknown>

/**
 * Checks the list of versions, and that one is in force at `now` (the site always shows a
 * notice in force).
 */
export function checkVersionList(index: JsonDocument, now: Date, report: Report): void {
  const problems = versionIndexProblems(index.value)
  for (const problem of problems) report(index, [...problem.path], 'error', problem.message)
  if (problems.length === 0) checkFirstInForce(index, now, report)
}

function checkFirstInForce(index: JsonDocument, now: Date, report: Report): void {
  const { timeZone, versions } = index.value as {
    timeZone: string
    versions: { effective: string }[]
  }
  const first = versions[0]?.effective
  if (first && startOfDate(first, timeZone).getTime() > now.getTime()) {
    report(
      index,
      ['versions', 0, 'effective'],
      'error',
      `no version is in force yet: the first takes effect on ${first}, and the site must always show a notice in force`,
    )
  }
}

export function sectionIdsOf(document: JsonDocument): string[] {
  const sections = (document.value as { sections?: unknown }).sections
  return isObject(sections) ? Object.keys(sections) : []
}

/**
 * A version's text: a summary, the note and the sections, each with a heading and paragraphs.
 * `order` is the Norwegian version's section ids; a translation has the same, in the same order.
 */
export function checkVersionText(
  document: JsonDocument,
  order: readonly string[] | undefined,
  report: Report,
): void {
  const value = document.value as Record<string, unknown>
  const fields = {
    summary: 'what changed in this version',
    updated: 'the update line, with {{date}} where the date goes',
    effective: 'the effective-date line, with {{date}} where the date goes',
    note: "the notice's note",
  }
  for (const [field, what] of Object.entries(fields)) {
    const text = value[field]
    if (typeof text !== 'string') {
      report(document, [], 'error', `"${field}" is missing: write ${what} as a text`)
    } else if (field === 'summary' && text.trim() !== '') {
      const problem = summaryProblem(text)
      if (problem) report(document, [field], 'error', `"summary": ${problem}`)
    } else if (what.includes('{{date}}') && !text.includes('{{date}}')) {
      report(document, [field], 'error', `"${field}" needs {{date}} where the date goes`)
    }
  }
  const sections = value.sections
  if (!isObject(sections) || Object.keys(sections).length === 0) {
    report(document, ['sections'], 'error', '"sections" must be a group of sections in { }')
    return
  }
  for (const [id, section] of Object.entries(sections)) {
    const fields = isObject(section) ? section : {}
    if (typeof fields.heading !== 'string') {
      report(document, ['sections', id], 'error', `section "${id}" needs a "heading"`)
    }
    if (!Array.isArray(fields.paragraphs) || fields.paragraphs.length === 0) {
      report(
        document,
        ['sections', id],
        'error',
        `section "${id}" needs "paragraphs": a list of texts in [ ]`,
      )
    }
  }
  const ids = Object.keys(sections)
  const sameIds = order && ids.length === order.length && ids.every((id) => order.includes(id))
  if (order && sameIds && ids.join() !== order.join()) {
    report(
      document,
      ['sections'],
      'error',
      `the sections are in another order than in the Norwegian text of this version: ${order.join(', ')}`,
    )
  }
}

/** A file in a `versions` folder that `locales/versions.json` does not list is never shown. */
export function unlistedVersionFiles(
  folder: string,
  files: readonly string[],
  ids: readonly string[],
): Finding[] {
  return files
    .filter((name) => !ids.includes(name.slice(0, -'.json'.length)))
    .map((name) => ({
      file: `${folder}/${name}`,
      line: 1,
      column: 1,
      level: 'warning' as const,
      message: `this version is not listed in locales/versions.json, so it is never shown: list it there, or remove the file`,
    }))
}

/**
 * What is wrong with a version's summary, if anything. It is shown as plain text on the list of
 * versions and in the feed, so it may not hold placeholders, links or invisible characters.
 */
export function summaryProblem(summary: string): string | undefined {
  if (summary.trim() === '') return 'write a sentence or two'
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  if (/[\u0000-\u001f\u007f]/.test(summary)) return 'it holds an invisible control character'
  if (summary.includes('{{')) return 'it may not hold {{...}} placeholders'
  if (summary.includes('](')) return 'it may not hold links: write plain text'
  return undefined
}

/** The start of the warning about a translation that lacks a Norwegian change. */
export const translationLacksChange = 'the Norwegian text has changes since version'

type TextPath = (string | number)[]

/** A text's place as messages name it: `sections.security.paragraphs[0]`. */
const placeName = (path: TextPath) =>
  path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('')

/** Every text of a notice by its place: `note`, `sections.security.paragraphs[0]`... */
function textsOf(notice: unknown): Map<string, { path: TextPath; text: string }> {
  const texts = new Map<string, { path: TextPath; text: string }>()
  const walk = (value: unknown, path: TextPath) => {
    if (typeof value === 'string') texts.set(placeName(path), { path, text: value })
    else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, [...path, index])
    } else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key])
    }
  }
  if (isObject(notice)) for (const field of versionedFields) walk(notice[field], [field])
  return texts
}

/**
 * The texts the Norwegian draft changed since the newest version that a translation left as
 * they were: each a change the translation lacks.
 */
function untranslatedTexts(
  sourceDraft: JsonDocument,
  sourceVersion: JsonDocument,
  draft: JsonDocument,
  version: JsonDocument,
): { name: string; path: TextPath }[] {
  const before = textsOf(sourceVersion.value)
  const translatedBefore = textsOf(version.value)
  const translated = textsOf(draft.value)
  return [...textsOf(sourceDraft.value)]
    .filter(([name, { text }]) => before.has(name) && before.get(name)?.text !== text)
    .flatMap(([name]) => {
      const now = translated.get(name)
      const was = translatedBefore.get(name)
      return now && was && now.text === was.text ? [{ name, path: now.path }] : []
    })
}

/**
 * The notice that staff edit (`draft.json`) against the newest published version: changes that
 * are not published yet, and a Norwegian change that a translation does not have.
 */
export function warnAboutUnpublishedText(
  drafts: ReadonlyMap<string, JsonDocument>,
  newest: ReadonlyMap<string, JsonDocument>,
  order: readonly string[],
  source: string,
  newestId: string,
  report: Report,
): void {
  const changed = (lng: string) => {
    const draft = drafts.get(lng)
    const published = newest.get(lng)
    if (!draft || !published) return undefined
    return !isPublishedText(draft.value as Json, order, published.value as Json)
  }
  const sourceDraft = drafts.get(source)
  const sourceVersion = newest.get(source)
  for (const [lng, draft] of drafts) {
    if (changed(lng)) {
      report(
        draft,
        ['sections'],
        'warning',
        `this text differs from the published version ${newestId}: visitors see the published text until the change is published with npm run publish`,
      )
    }
    const version = newest.get(lng)
    if (lng === source || !sourceDraft || !sourceVersion || !version) continue
    for (const gap of untranslatedTexts(sourceDraft, sourceVersion, draft, version)) {
      report(
        draft,
        gap.path,
        'warning',
        `${translationLacksChange} ${newestId} in "${gap.name}" that this translation does not have: translate it before publishing`,
      )
    }
  }
}

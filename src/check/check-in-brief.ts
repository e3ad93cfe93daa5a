import { isObject, type Json } from '../config/json-value.js'
import type { Report } from './check-policy.js'
import { sectionIdsOf } from './check-versions.js'
import type { JsonDocument } from './json-document.js'

/**
 * The short summary at the top of the notice (`inBrief`), in each version and in the draft:
 * that it is there, that each line links to a section the notice has (the same as the
 * Norwegian line), and a warning when a section changed under a line nobody re-wrote.
 */

interface Line {
  readonly text: string
  readonly section: string
}

const sample = '{ "text": "…", "section": "rights" }'

function linesOf(document: JsonDocument | undefined): (Line | undefined)[] {
  const lines = (document?.value as Json | undefined)?.inBrief
  if (!Array.isArray(lines)) return []
  return lines.map((line) =>
    isObject(line) && typeof line.text === 'string' && typeof line.section === 'string'
      ? { text: line.text, section: line.section }
      : undefined,
  )
}

/** `source` is the Norwegian file of the same version (none for the Norwegian file itself). */
export function checkInBrief(
  document: JsonDocument,
  source: JsonDocument | undefined,
  report: Report,
): void {
  const written = (document.value as Json).inBrief
  if (written === undefined) {
    const message = `"inBrief" is missing: write the short summary shown at the top of the notice, a few lines in [ ], each as ${sample} with the section it sums up`
    report(document, [], 'error', message)
    return
  }
  if (!Array.isArray(written) || written.length === 0) {
    const message = `"inBrief" must be a list of lines in [ ], each as ${sample}`
    report(document, ['inBrief'], 'error', message)
    return
  }
  const ids = sectionIdsOf(document)
  const sourceLines = linesOf(source)
  for (const [index, line] of linesOf(document).entries()) {
    const name = `line ${index + 1} of "inBrief"`
    if (!line) {
      report(
        document,
        ['inBrief', index],
        'error',
        `${name} needs a "text" and a "section": ${sample}`,
      )
      continue
    }
    const at = ['inBrief', index, 'section']
    if (!ids.includes(line.section)) {
      const message = `${name} links to the section "${line.section}", which this notice does not have: write the id of one of its sections (${ids.join(', ')})`
      report(document, at, 'error', message)
      continue
    }
    const sourceSection = sourceLines[index]?.section
    if (sourceSection !== undefined && sourceSection !== line.section) {
      const message = `${name} links to the section "${line.section}", but the Norwegian line links to "${sourceSection}": link each line to the same section as in Norwegian`
      report(document, at, 'error', message)
    }
  }
}

function paragraphsOf(document: JsonDocument, id: string): string {
  const sections = (document.value as Json).sections
  const section = isObject(sections) ? sections[id] : undefined
  return JSON.stringify(isObject(section) ? section.paragraphs : undefined)
}

/**
 * Warns at each line of `later` whose section's text changed since `earlier` while the line
 * stayed as it was: the summary may no longer say what the section says. A line that was
 * re-written, or that links to a section new in `later`, is taken as read.
 */
export function warnAboutChangedSections(
  later: JsonDocument,
  earlier: { readonly id: string; readonly document: JsonDocument },
  report: Report,
): void {
  const before = linesOf(earlier.document)
  const earlierIds = sectionIdsOf(earlier.document)
  for (const [index, line] of linesOf(later).entries()) {
    if (!line || !earlierIds.includes(line.section)) continue
    const rewritten = !before.some((old) => old?.text === line.text && old.section === line.section)
    if (rewritten) continue
    if (paragraphsOf(later, line.section) === paragraphsOf(earlier.document, line.section)) continue
    const message = `the section "${line.section}" has changed since version ${earlier.id}, and this summary line has not: re-read the line, and correct it if it no longer says what the section says`
    report(later, ['inBrief', index, 'text'], 'warning', message)
  }
}

/**
 * The Norwegian summary lines to re-read: the newest version's against the version before it,
 * and the draft's against the newest version. Older versions are history and stay as they are;
 * translations follow the Norwegian lines, so they are not asked again.
 */
export function warnAboutStaleSummaries(
  draft: JsonDocument | undefined,
  versions: readonly { readonly id: string; readonly document: JsonDocument }[],
  report: Report,
): void {
  const [previous, newest] = versions.slice(-2)
  if (previous && newest) warnAboutChangedSections(newest.document, previous, report)
  const latest = newest ?? previous
  if (draft && latest) warnAboutChangedSections(draft, latest, report)
}

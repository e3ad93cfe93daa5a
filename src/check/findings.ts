export type Level = 'error' | 'warning'

/** One thing the checker found, at a place in a file that staff can open. */
export interface Finding {
  /** Path relative to the project, such as `locales/nb/policy.json`, or `(environment)`. */
  readonly file: string
  readonly line: number
  readonly column: number
  readonly level: Level
  readonly message: string
}

export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}  ${finding.level}  ${finding.message}`
}

/**
 * By file, line and column; files `first` picks (the Norwegian source's) come before the rest,
 * so that a change in Norwegian is named where it was made, before what it means for translations.
 */
export function sortFindings(
  findings: readonly Finding[],
  first: (file: string) => boolean = () => false,
): Finding[] {
  const rank = (finding: Finding) => (first(finding.file) ? 0 : 1)
  return [...findings].sort(
    (a, b) =>
      rank(a) - rank(b) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  )
}

export function summarize(findings: readonly Finding[], filesChecked: number): string {
  const errors = findings.filter((finding) => finding.level === 'error').length
  const warnings = findings.length - errors
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(filesChecked, 'file')} checked`
}

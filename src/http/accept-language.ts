/**
 * Choosing a language from `Accept-Language` (RFC 9110 §12.5.4) with its q-values.
 *
 * Each configured language has patterns: an exact tag (`nb-NO`) or a prefix with `*`
 * (`en-*`). The header's ranges are tried from the highest q-value down (ties keep the header's
 * order); the first range that matches a language's pattern wins. A range of `*`, a header that
 * is missing, malformed or too long, or one that matches nothing, gives the default language.
 */
export type LanguagePatterns = Readonly<Record<string, readonly string[]>>

const maxHeaderLength = 1024
const maxRanges = 32
const rangePattern = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/
const qualityPattern = /^q=(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/

interface LanguageRange {
  readonly tag: string
  readonly quality: number
}

/** The header's ranges, best first; undefined when the header is not well-formed. */
export function parseAcceptLanguage(header: string): LanguageRange[] | undefined {
  if (header.length > maxHeaderLength) return undefined
  const parts = header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
  if (parts.length === 0 || parts.length > maxRanges) return undefined
  const ranges: LanguageRange[] = []
  for (const part of parts) {
    const [tag = '', ...parameters] = part.split(';').map((piece) => piece.trim())
    const lowerTag = tag.toLowerCase()
    if (!rangePattern.test(lowerTag) || parameters.length > 1) return undefined
    const parameter = parameters[0]?.toLowerCase().replace(/\s+/g, '')
    if (parameter !== undefined && !qualityPattern.test(parameter)) return undefined
    ranges.push({
      tag: lowerTag,
      quality: parameter === undefined ? 1 : Number(parameter.slice(2)),
    })
  }
  return ranges
    .map((range, index) => ({ range, index }))
    .sort((a, b) => b.range.quality - a.range.quality || a.index - b.index)
    .map(({ range }) => range)
}

function matches(tag: string, pattern: string): boolean {
  const lowerPattern = pattern.toLowerCase()
  return lowerPattern.endsWith('-*')
    ? tag.startsWith(lowerPattern.slice(0, -1))
    : tag === lowerPattern
}

export function negotiateLanguage(
  header: string | undefined,
  patterns: LanguagePatterns,
  defaultLanguage: string,
): string {
  const ranges = header === undefined ? undefined : parseAcceptLanguage(header)
  for (const { tag, quality } of ranges ?? []) {
    if (quality === 0 || tag === '*') continue
    for (const [lng, languagePatterns] of Object.entries(patterns)) {
      if (languagePatterns.some((pattern) => matches(tag, pattern))) return lng
    }
  }
  return defaultLanguage
}

import type { Report } from './field-reader.js'
import { isObject } from './json-value.js'

const languagePattern = /^[a-z]{2,3}(-[a-z0-9]{1,8})*(-\*)?$/i

/** Patterns per language; a language without an entry is chosen by its own code (`de`, `de-*`). */
export function parseAcceptLanguagePatterns(
  raw: unknown,
  languages: string[],
  problem: Report,
): Record<string, readonly string[]> {
  const given = isObject(raw) ? raw : {}
  if (raw !== undefined && !isObject(raw))
    problem(['acceptLanguage'], 'must be a group of fields in { }')
  for (const key of Object.keys(given)) {
    if (!languages.includes(key))
      problem(['acceptLanguage', key], `"${key}" is not one of the languages`)
  }
  return Object.fromEntries(
    languages.map((lng) => {
      const patterns = given[lng] ?? [lng, `${lng}-*`]
      const valid =
        Array.isArray(patterns) &&
        patterns.every((p) => typeof p === 'string' && languagePattern.test(p))
      if (!valid)
        problem(
          ['acceptLanguage', lng],
          'must be a list of language tags such as "nb-NO" or "en-*"',
        )
      return [lng, valid ? (patterns as string[]) : []]
    }),
  )
}

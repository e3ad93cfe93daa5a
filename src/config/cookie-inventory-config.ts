import { fieldReader } from './field-reader.js'
import { isObject, type Json } from './json-value.js'

export const cookieCategories = ['necessary', 'preferences', 'analytics', 'marketing'] as const
export type CookieCategory = (typeof cookieCategories)[number]

/** One cookie of the inventory: set by this site, or by another company on the company's other sites. */
export interface CookieEntry {
  readonly name: string
  readonly provider: string
  /** Purpose in each language, keyed by language code. */
  readonly purpose: Readonly<Record<string, string>>
  readonly category: CookieCategory
  /** `session`, or an ISO 8601 duration such as `P1Y`, `P6M`, `P30D`, `PT12H`. */
  readonly duration: string
  readonly site: 'this' | 'other'
  /** Scripts (https URLs) this cookie's provider needs; loaded only for visitors who consent. */
  readonly scripts: readonly string[]
}

export const isoDuration = /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?)?$/

/**
 * An https address that can stand as it is in a CSP source list and a `src` attribute: no
 * spaces, quotes, angle brackets, semicolons or commas, no credentials.
 */
export function isScriptUrl(value: string): boolean {
  if (!/^https:\/\/[^\s"'<>;,]+$/.test(value)) return false
  try {
    const url = new URL(value)
    return (
      url.protocol === 'https:' && url.username === '' && url.password === '' && url.href === value
    )
  } catch {
    return false
  }
}

/** The scripts a cookie's provider needs: https addresses, for optional categories only. */
function parseScripts(
  entry: Json,
  path: (string | number)[],
  category: string,
  problem: (path: (string | number)[], message: string) => void,
): string[] {
  const scripts = entry.scripts ?? []
  if (
    !Array.isArray(scripts) ||
    scripts.some((url) => typeof url !== 'string' || !isScriptUrl(url))
  ) {
    problem([...path, 'scripts'], 'must be a list of https:// addresses')
  }
  if (Array.isArray(scripts) && scripts.length > 0 && category === 'necessary') {
    problem(
      [...path, 'scripts'],
      'belong to an optional category: a necessary cookie loads no extra script',
    )
  }
  return Array.isArray(scripts)
    ? scripts.filter((url): url is string => typeof url === 'string')
    : []
}

/** One entry of the cookie inventory, checked; every problem is reported with its place. */
export function parseCookie(
  entry: Json,
  path: (string | number)[],
  languages: string[],
  problem: (path: (string | number)[], message: string) => void,
): CookieEntry {
  const read = fieldReader(problem)
  const text = (key: string): string => read.text(entry, [...path, key])
  const category = text('category')
  if (category !== '' && !(cookieCategories as readonly string[]).includes(category)) {
    problem([...path, 'category'], `"${category}" is not one of ${cookieCategories.join(', ')}`)
  }
  const duration = text('duration')
  if (duration !== '' && duration !== 'session' && !isoDuration.test(duration)) {
    problem(
      [...path, 'duration'],
      `"${duration}" is not "session" or a period such as P1Y, P6M, P30D, PT12H`,
    )
  }
  const site = text('site')
  if (site !== '' && site !== 'this' && site !== 'other')
    problem([...path, 'site'], 'must be "this" or "other"')
  const purpose = isObject(entry.purpose) ? entry.purpose : {}
  if (!isObject(entry.purpose)) {
    problem(
      [...path, 'purpose'],
      entry.purpose === undefined ? 'is missing' : 'must be a group with a text per language',
    )
  } else {
    for (const lng of languages) {
      const value = purpose[lng]
      if (typeof value !== 'string' || value.trim() === '') {
        problem(
          [...path, 'purpose', lng],
          value === undefined
            ? `is missing: every language needs a purpose`
            : 'must be a non-empty text',
        )
      }
    }
  }
  const scripts = parseScripts(entry, path, category, problem)
  return {
    scripts,
    name: text('name'),
    provider: text('provider'),
    purpose: Object.fromEntries(languages.map((lng) => [lng, String(purpose[lng] ?? '')])),
    category: category as CookieCategory,
    duration,
    site: site as 'this' | 'other',
  }
}

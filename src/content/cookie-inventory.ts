import { type CookieEntry, cookieCategories } from '../config/cookie-inventory-config.js'
import { consentCookieName, consentMaxAgeMs } from '../consent/consent-cookie.js'
import type { Translate } from './locales.js'

/** One row of a cookie table, in the words of one language. */
export interface CookieRow {
  readonly name: string
  readonly provider: string
  readonly purpose: string
  readonly category: string
  readonly duration: string
}

export interface CookieInventoryModel {
  /** Cookies this site itself sets. */
  readonly thisSite: readonly CookieRow[]
  /** Cookies other companies place on the company's other websites. */
  readonly otherSites: readonly CookieRow[]
}

const durationUnits = [
  ['year', 'Y'],
  ['month', 'M'],
  ['day', 'D'],
] as const
const timeUnits = [
  ['hour', 'H'],
  ['minute', 'M'],
] as const

/** `P1Y6M` in words: "1 år og 6 måneder"; `session`: until the browser closes. */
export function describeDuration(duration: string, lng: string, t: Translate): string {
  if (duration === 'session') return t('cookies:duration.session')
  const [datePart = '', timePart = ''] = duration.slice(1).split('T')
  const parts: string[] = []
  const collect = (part: string, units: readonly (readonly [string, string])[]) => {
    for (const [unit, letter] of units) {
      const match = new RegExp(`(\\d+)${letter}`).exec(part)
      if (match?.[1]) parts.push(t(`cookies:duration.${unit}`, { count: Number(match[1]) }))
    }
  }
  collect(datePart, durationUnits)
  collect(timePart, timeUnits)
  return new Intl.ListFormat(lng, { type: 'conjunction' }).format(parts)
}

export function buildCookieInventory(
  inventory: readonly CookieEntry[],
  lng: string,
  t: Translate,
  options: { consentCookie: boolean },
): CookieInventoryModel {
  // Every category needs a name in every language, whether or not the inventory uses it yet.
  const categoryNames = new Map(
    cookieCategories.map((category) => [category, t(`cookies:categories.${category}`)]),
  )
  const row = (entry: CookieEntry): CookieRow => ({
    name: entry.name,
    provider: entry.provider,
    purpose: entry.purpose[lng] ?? '',
    category: categoryNames.get(entry.category) ?? entry.category,
    duration: describeDuration(entry.duration, lng, t),
  })
  const consentCookie: CookieRow = {
    name: consentCookieName,
    provider: t('cookies:consentCookie.provider'),
    purpose: t('cookies:consentCookie.purpose'),
    category: categoryNames.get('necessary') ?? 'necessary',
    duration: describeDuration(`P${Math.round(consentMaxAgeMs / 86_400_000)}D`, lng, t),
  }
  return {
    thisSite: [
      ...(options.consentCookie ? [consentCookie] : []),
      ...inventory.filter((entry) => entry.site === 'this').map(row),
    ],
    otherSites: inventory.filter((entry) => entry.site === 'other').map(row),
  }
}

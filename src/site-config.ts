import { readFileSync } from 'node:fs'
import { ConfigError } from './config-error.js'

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
}

/** The address in parts, for structured data (schema.org PostalAddress). */
export interface PostalAddress {
  readonly streetAddress: string
  readonly addressLocality: string
  readonly postalCode?: string
  readonly addressCountry: string
}

export interface SiteConfig {
  readonly languages: readonly string[]
  /** For each language, the Accept-Language tags that choose it (`en-*` is a prefix). */
  readonly acceptLanguage: Readonly<Record<string, readonly string[]>>
  readonly organisationName?: string
  readonly contact: {
    readonly email: string
    readonly phone: string
    /** The address as the notice writes it, shown on the pages. */
    readonly address: string
    readonly postalAddress: PostalAddress
  }
  readonly authority: { readonly name: string; readonly url: string }
  readonly cookieInventory: readonly CookieEntry[]
}

const languageCode = /^[a-z]{2,3}$/
const languagePattern = /^[a-z]{2,3}(-[a-z0-9]{1,8})*(-\*)?$/i
const emailAddress = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i
export const isoDuration = /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?)?$/

export function isEmailAddress(value: string): boolean {
  return emailAddress.test(value)
}

/** True for addresses on the domains reserved for examples (RFC 2606), such as the shipped placeholder. */
export function isPlaceholderEmail(email: string): boolean {
  return /@(.+\.)?example(\.(com|net|org))?$/i.test(email)
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads and checks the site configuration file; every problem is a ConfigError naming file and field. */
export function loadSiteConfig(file: string): SiteConfig {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new ConfigError(`site configuration ${file}: ${(error as Error).message}`)
  }
  return parseSiteConfig(raw, file)
}

export function parseSiteConfig(raw: unknown, file: string): SiteConfig {
  const fail = (field: string, problem: string): never => {
    throw new ConfigError(`site configuration ${file}: ${field} ${problem}`)
  }
  const text = (object: Json, key: string, field: string, required = true): string => {
    const value = object[key]
    if (value === undefined && !required) return ''
    if (typeof value !== 'string' || (required && value.trim() === '')) {
      return fail(field, 'must be a non-empty text')
    }
    return value.trim()
  }
  if (!isObject(raw)) return fail('the file', 'must hold a JSON object')

  const languages = raw.languages
  if (!Array.isArray(languages) || languages.length === 0) {
    return fail('languages', 'must be a list of language codes, such as ["nb"]')
  }
  for (const lng of languages) {
    if (typeof lng !== 'string' || !languageCode.test(lng)) {
      fail('languages', `holds "${String(lng)}", which is not a language code such as "nb"`)
    }
  }
  if (languages[0] !== 'nb') fail('languages', 'must start with "nb", the source language')

  const contact = isObject(raw.contact) ? raw.contact : fail('contact', 'must be an object')
  const email = text(contact, 'email', 'contact.email', false)
  if (email !== '' && !isEmailAddress(email))
    fail('contact.email', `"${email}" is not an email address`)

  const authority = isObject(raw.authority) ? raw.authority : fail('authority', 'must be an object')
  const authorityUrl = text(authority, 'url', 'authority.url')
  if (!/^https:\/\/[^\s]+$/.test(authorityUrl)) fail('authority.url', 'must be an https:// address')

  const inventory = raw.cookieInventory ?? []
  if (!Array.isArray(inventory)) return fail('cookieInventory', 'must be a list')

  const acceptLanguage = parseAcceptLanguagePatterns(raw.acceptLanguage, languages, fail)
  const postal = isObject(contact.postalAddress)
    ? contact.postalAddress
    : fail('contact.postalAddress', 'must be an object')
  const postalCode = text(postal, 'postalCode', 'contact.postalAddress.postalCode', false)
  const addressCountry = text(postal, 'addressCountry', 'contact.postalAddress.addressCountry')
  if (!/^[A-Z]{2}$/.test(addressCountry)) {
    fail(
      'contact.postalAddress.addressCountry',
      `"${addressCountry}" must be a two-letter country code such as NO or CN`,
    )
  }
  const organisationName = text(raw, 'organisationName', 'organisationName', false)
  return Object.freeze({
    languages: Object.freeze([...(languages as string[])]),
    acceptLanguage,
    ...(organisationName ? { organisationName } : {}),
    contact: Object.freeze({
      email,
      phone: text(contact, 'phone', 'contact.phone'),
      address: text(contact, 'address', 'contact.address'),
      postalAddress: Object.freeze({
        streetAddress: text(postal, 'streetAddress', 'contact.postalAddress.streetAddress'),
        addressLocality: text(postal, 'addressLocality', 'contact.postalAddress.addressLocality'),
        ...(postalCode ? { postalCode } : {}),
        addressCountry,
      }),
    }),
    authority: Object.freeze({
      name: text(authority, 'name', 'authority.name'),
      url: authorityUrl,
    }),
    cookieInventory: Object.freeze(
      inventory.map((entry, index) =>
        parseCookie(entry, `cookieInventory[${index}]`, languages, fail),
      ),
    ),
  })
}

/** Patterns per language; a language without an entry is chosen by its own code (`de`, `de-*`). */
function parseAcceptLanguagePatterns(
  raw: unknown,
  languages: string[],
  fail: (field: string, problem: string) => never,
): Readonly<Record<string, readonly string[]>> {
  const given =
    raw === undefined ? {} : isObject(raw) ? raw : fail('acceptLanguage', 'must be an object')
  for (const key of Object.keys(given)) {
    if (!languages.includes(key)) fail(`acceptLanguage.${key}`, 'is not one of the languages')
  }
  const entries = languages.map((lng) => {
    const patterns = given[lng] ?? [lng, `${lng}-*`]
    if (
      !Array.isArray(patterns) ||
      patterns.some((p) => typeof p !== 'string' || !languagePattern.test(p))
    ) {
      return fail(
        `acceptLanguage.${lng}`,
        'must be a list of language tags such as "nb-NO" or "en-*"',
      )
    }
    return [lng, Object.freeze([...(patterns as string[])])] as const
  })
  return Object.freeze(Object.fromEntries(entries))
}

function parseCookie(
  entry: unknown,
  field: string,
  languages: string[],
  fail: (field: string, problem: string) => never,
): CookieEntry {
  if (!isObject(entry)) return fail(field, 'must be an object')
  const text = (key: string): string => {
    const value = entry[key]
    return typeof value === 'string' && value.trim() !== ''
      ? value.trim()
      : fail(`${field}.${key}`, 'must be a non-empty text')
  }
  const category = text('category')
  if (!(cookieCategories as readonly string[]).includes(category)) {
    fail(`${field}.category`, `"${category}" is not one of ${cookieCategories.join(', ')}`)
  }
  const duration = text('duration')
  if (duration !== 'session' && !isoDuration.test(duration)) {
    fail(`${field}.duration`, `"${duration}" is not "session" or a duration such as P1Y, P6M, P30D`)
  }
  const site = text('site')
  if (site !== 'this' && site !== 'other') fail(`${field}.site`, 'must be "this" or "other"')
  const purpose = isObject(entry.purpose)
    ? entry.purpose
    : fail(`${field}.purpose`, 'must be an object')
  for (const lng of languages) {
    if (typeof purpose[lng] !== 'string' || (purpose[lng] as string).trim() === '') {
      fail(`${field}.purpose.${lng}`, 'must be a non-empty text')
    }
  }
  return Object.freeze({
    name: text('name'),
    provider: text('provider'),
    purpose: Object.freeze(Object.fromEntries(languages.map((lng) => [lng, String(purpose[lng])]))),
    category: category as CookieCategory,
    duration,
    site: site as 'this' | 'other',
  })
}

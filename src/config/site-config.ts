import { type CookieEntry, parseCookie } from './cookie-inventory-config.js'
import { isObject, type Json } from './json-value.js'

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
  /** Domain attribute of the consent cookie, so the company's other sites can read it. */
  readonly consentCookieDomain?: string
}

/** A problem in the site configuration, at a path inside the JSON such as `contact.email`. */
export interface SiteConfigProblem {
  readonly path: readonly (string | number)[]
  readonly message: string
}

const languageCode = /^[a-z]{2,3}$/
const languagePattern = /^[a-z]{2,3}(-[a-z0-9]{1,8})*(-\*)?$/i
const emailAddress = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i

export function isEmailAddress(value: string): boolean {
  return emailAddress.test(value)
}

/** True for addresses on the domains reserved for examples (RFC 2606), such as the shipped placeholder. */
export function isPlaceholderEmail(email: string): boolean {
  return /@(.+\.)?example(\.(com|net|org))?$/i.test(email)
}

/** A dotted name for a path, as staff read it: `cookieInventory[0].category`. */
export function fieldName(path: readonly (string | number)[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join('')
}

/** Checks a parsed site configuration; every problem is reported, with where it is. */
export function parseSiteConfig(raw: unknown): {
  config?: SiteConfig
  problems: SiteConfigProblem[]
} {
  const problems: SiteConfigProblem[] = []
  const problem = (path: (string | number)[], message: string) => {
    problems.push({ path, message })
  }
  const object = (value: unknown, path: (string | number)[]): Json => {
    if (isObject(value)) return value
    problem(path, 'must be a group of fields in { }')
    return {}
  }
  const text = (parent: Json, path: (string | number)[], required = true): string => {
    const value = parent[path[path.length - 1] as string]
    if (value === undefined && !required) return ''
    if (typeof value !== 'string' || (required && value.trim() === '')) {
      problem(path, value === undefined ? 'is missing' : 'must be a non-empty text')
      return ''
    }
    return value.trim()
  }

  const root = object(raw, [])
  const languages = Array.isArray(root.languages) ? root.languages : []
  if (languages.length === 0)
    problem(['languages'], 'must be a list of language codes, such as ["nb"]')
  languages.forEach((lng, index) => {
    if (typeof lng !== 'string' || !languageCode.test(lng)) {
      problem(['languages', index], `"${String(lng)}" is not a language code such as "nb"`)
    }
  })
  if (languages.length > 0 && languages[0] !== 'nb') {
    problem(['languages', 0], 'must be "nb", the source language, first')
  }
  const codes = languages.filter((lng): lng is string => typeof lng === 'string')

  const contact = object(root.contact, ['contact'])
  const email = text(contact, ['contact', 'email'], false)
  if (email !== '' && !isEmailAddress(email))
    problem(['contact', 'email'], `"${email}" is not an email address`)
  const postal = object(contact.postalAddress, ['contact', 'postalAddress'])
  const postalCode = text(postal, ['contact', 'postalAddress', 'postalCode'], false)
  const addressCountry = text(postal, ['contact', 'postalAddress', 'addressCountry'])
  if (addressCountry !== '' && !/^[A-Z]{2}$/.test(addressCountry)) {
    problem(
      ['contact', 'postalAddress', 'addressCountry'],
      `"${addressCountry}" must be a two-letter country code such as NO or CN`,
    )
  }

  const authority = object(root.authority, ['authority'])
  const authorityUrl = text(authority, ['authority', 'url'])
  if (authorityUrl !== '' && !/^https:\/\/\S+$/.test(authorityUrl)) {
    problem(['authority', 'url'], 'must be an https:// address')
  }

  const inventory = root.cookieInventory ?? []
  if (!Array.isArray(inventory)) problem(['cookieInventory'], 'must be a list of cookies in [ ]')
  const cookieInventory = (Array.isArray(inventory) ? inventory : []).map((entry, index) =>
    parseCookie(
      object(entry, ['cookieInventory', index]),
      ['cookieInventory', index],
      codes,
      problem,
    ),
  )

  const acceptLanguage = parseAcceptLanguagePatterns(root.acceptLanguage, codes, problem)
  const organisationName = text(root, ['organisationName'], false)
  const consentCookieDomain = text(root, ['consentCookieDomain'], false)
  if (consentCookieDomain !== '' && !/^\.?([a-z0-9-]+\.)+[a-z]{2,}$/i.test(consentCookieDomain)) {
    problem(['consentCookieDomain'], `"${consentCookieDomain}" must be a domain such as example.no`)
  }
  const config: SiteConfig = {
    languages: codes,
    acceptLanguage,
    ...(organisationName ? { organisationName } : {}),
    contact: {
      email,
      phone: text(contact, ['contact', 'phone']),
      address: text(contact, ['contact', 'address']),
      postalAddress: {
        streetAddress: text(postal, ['contact', 'postalAddress', 'streetAddress']),
        addressLocality: text(postal, ['contact', 'postalAddress', 'addressLocality']),
        ...(postalCode ? { postalCode } : {}),
        addressCountry,
      },
    },
    authority: { name: text(authority, ['authority', 'name']), url: authorityUrl },
    cookieInventory,
    ...(consentCookieDomain ? { consentCookieDomain } : {}),
  }
  return problems.length > 0 ? { problems } : { config: deepFreeze(config), problems }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

/** Patterns per language; a language without an entry is chosen by its own code (`de`, `de-*`). */
function parseAcceptLanguagePatterns(
  raw: unknown,
  languages: string[],
  problem: (path: (string | number)[], message: string) => void,
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

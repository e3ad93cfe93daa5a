import { parseAcceptLanguagePatterns } from './accept-language-config.js'
import { type CookieEntry, parseCookie } from './cookie-inventory-config.js'
import { isObject, type Json } from './json-value.js'
import { type OtherSite, parseOtherSites } from './other-sites-config.js'

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
  /** The company's other websites the cookie scan visits, with their banners' controls. */
  readonly otherSites: readonly OtherSite[]
}

/** A problem in the site configuration, at a path inside the JSON such as `contact.email`. */
export interface SiteConfigProblem {
  readonly path: readonly (string | number)[]
  readonly message: string
}

/** A language as the site configuration names it, and as its folder under locales/ is named. */
export const languageCode = /^[a-z]{2,3}$/
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

type Path = (string | number)[]
export type Report = (path: Path, message: string) => void

/** Reads fields of a group, reporting what is missing or of the wrong kind. */
function fieldReader(problem: Report) {
  return {
    object(value: unknown, path: Path): Json {
      if (isObject(value)) return value
      problem(path, 'must be a group of fields in { }')
      return {}
    },
    text(parent: Json, path: Path, required = true): string {
      const value = parent[path[path.length - 1] as string]
      if (value === undefined && !required) return ''
      if (typeof value !== 'string' || (required && value.trim() === '')) {
        problem(path, value === undefined ? 'is missing' : 'must be a non-empty text')
        return ''
      }
      return value.trim()
    },
  }
}
type FieldReader = ReturnType<typeof fieldReader>

function parseLanguages(root: Json, problem: Report): string[] {
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
  return languages.filter((lng): lng is string => typeof lng === 'string')
}

function parseContact(root: Json, read: FieldReader, problem: Report): SiteConfig['contact'] {
  const contact = read.object(root.contact, ['contact'])
  const email = read.text(contact, ['contact', 'email'], false)
  if (email !== '' && !isEmailAddress(email))
    problem(['contact', 'email'], `"${email}" is not an email address`)
  const where = ['contact', 'postalAddress']
  const postal = read.object(contact.postalAddress, where)
  const postalCode = read.text(postal, [...where, 'postalCode'], false)
  const addressCountry = read.text(postal, [...where, 'addressCountry'])
  if (addressCountry !== '' && !/^[A-Z]{2}$/.test(addressCountry)) {
    problem(
      [...where, 'addressCountry'],
      `"${addressCountry}" must be a two-letter country code such as NO or CN`,
    )
  }
  const phone = read.text(contact, ['contact', 'phone'])
  // The tel: link dials the digits: letters or other signs would dial a wrong number.
  if (phone !== '' && (!/^\+?[\d\s().-]+$/.test(phone) || phone.replace(/\D/g, '').length < 5)) {
    problem(
      ['contact', 'phone'],
      `"${phone}" is not a phone number: write the digits, with + and the country code first, such as +47 22 00 00 00 (spaces and hyphens are fine)`,
    )
  }
  return {
    email,
    phone,
    address: read.text(contact, ['contact', 'address']),
    postalAddress: {
      streetAddress: read.text(postal, [...where, 'streetAddress']),
      addressLocality: read.text(postal, [...where, 'addressLocality']),
      ...(postalCode ? { postalCode } : {}),
      addressCountry,
    },
  }
}

function parseAuthority(root: Json, read: FieldReader, problem: Report): SiteConfig['authority'] {
  const authority = read.object(root.authority, ['authority'])
  const url = read.text(authority, ['authority', 'url'])
  if (url !== '' && !/^https:\/\/\S+$/.test(url))
    problem(['authority', 'url'], 'must be an https:// address')
  return { name: read.text(authority, ['authority', 'name']), url }
}

function parseInventory(root: Json, languages: string[], read: FieldReader, problem: Report) {
  const inventory = root.cookieInventory ?? []
  if (!Array.isArray(inventory)) problem(['cookieInventory'], 'must be a list of cookies in [ ]')
  return (Array.isArray(inventory) ? inventory : []).map((entry, index) =>
    parseCookie(
      read.object(entry, ['cookieInventory', index]),
      ['cookieInventory', index],
      languages,
      problem,
    ),
  )
}

/** Checks a parsed site configuration; every problem is reported, with where it is. */
export function parseSiteConfig(raw: unknown): {
  config?: SiteConfig
  problems: SiteConfigProblem[]
} {
  const problems: SiteConfigProblem[] = []
  const problem: Report = (path, message) => {
    problems.push({ path, message })
  }
  const read = fieldReader(problem)
  const root = read.object(raw, [])
  const languages = parseLanguages(root, problem)
  const contact = parseContact(root, read, problem)
  const authority = parseAuthority(root, read, problem)
  const cookieInventory = parseInventory(root, languages, read, problem)
  const acceptLanguage = parseAcceptLanguagePatterns(root.acceptLanguage, languages, problem)
  const otherSites = parseOtherSites(root, problem)
  const organisationName = read.text(root, ['organisationName'], false)
  const consentCookieDomain = read.text(root, ['consentCookieDomain'], false)
  if (consentCookieDomain !== '' && !/^\.?([a-z0-9-]+\.)+[a-z]{2,}$/i.test(consentCookieDomain)) {
    problem(['consentCookieDomain'], `"${consentCookieDomain}" must be a domain such as example.no`)
  }
  const config: SiteConfig = {
    languages,
    acceptLanguage,
    ...(organisationName ? { organisationName } : {}),
    contact,
    authority,
    cookieInventory,
    ...(consentCookieDomain ? { consentCookieDomain } : {}),
    otherSites,
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

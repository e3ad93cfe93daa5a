import { parseAcceptLanguagePatterns } from './accept-language-config.js'
import { type CookieEntry, parseCookie } from './cookie-inventory-config.js'
import { type FieldReader, fieldReader, type Path, type Report } from './field-reader.js'
import { isObject, type Json } from './json-value.js'
import { type OtherSite, parseOtherSites } from './other-sites-config.js'
import { type PrivacyRequestsConfig, parsePrivacyRequests } from './privacy-requests-config.js'

/** The address in parts, for structured data (schema.org PostalAddress). */
export interface PostalAddress {
  readonly streetAddress: string
  readonly addressLocality: string
  readonly postalCode?: string
  readonly addressCountry: string
}

/** The company responsible for the data (GDPR Art. 13(1)(a)), as it is registered. */
export interface Controller {
  readonly name: string
  readonly organisationNumber?: string
}

/**
 * What the inventory says of the company's other sites: every cookie there is listed
 * (`complete`), or the list is not published yet (the cookie page says so, never "none").
 */
export const otherSitesStates = ['complete', 'not-published'] as const
export type OtherSitesState = (typeof otherSitesStates)[number]

export interface SiteConfig {
  readonly languages: readonly string[]
  /** For each language, the Accept-Language tags that choose it (`en-*` is a prefix). */
  readonly acceptLanguage: Readonly<Record<string, readonly string[]>>
  /** Missing until staff fill it in: the checker warns, the pages name no company. */
  readonly controller?: Controller
  readonly contact: {
    readonly email: string
    readonly phone: string
    /** The address as the notice writes it, shown on the pages. */
    readonly address: string
    /** The address as written in a language's own script (Chinese, say), where it differs. */
    readonly addressIn: Readonly<Record<string, string>>
    readonly postalAddress: PostalAddress
  }
  readonly authority: {
    readonly name: string
    readonly url: string
    /** The authority's page on how to complain, by the language that page is written in. */
    readonly complaintPages: Readonly<Record<string, string>>
  }
  readonly cookieInventory: readonly CookieEntry[]
  readonly cookieInventoryOfOtherSites: OtherSitesState
  /** Domain attribute of the consent cookie, so the company's other sites can read it. */
  readonly consentCookieDomain?: string
  /** The company's other websites the cookie scan visits, with their banners' controls. */
  readonly otherSites: readonly OtherSite[]
  /** The form for privacy requests and its records; off unless turned on. */
  readonly privacyRequests: PrivacyRequestsConfig
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

/** A name staff have not filled in yet: empty, or a note in square brackets such as the shipped one. */
export function isPlaceholderName(name: string): boolean {
  return /^\s*(\[.*\])?\s*$/.test(name)
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

/** A group of texts keyed by language code, such as `{ "zh": "…" }`; none is an empty group. */
function textsByLanguage(
  value: unknown,
  path: Path,
  languages: readonly string[] | undefined,
  problem: Report,
  check?: (text: string, path: Path) => void,
): Record<string, string> {
  if (value === undefined) return {}
  if (!isObject(value)) {
    problem(path, 'must be a group of texts by language code, such as { "zh": "…" }')
    return {}
  }
  const texts: Record<string, string> = {}
  for (const [lng, text] of Object.entries(value)) {
    if (!languageCode.test(lng) || (languages && !languages.includes(lng))) {
      problem(
        [...path, lng],
        languages
          ? `"${lng}" is not one of the site's languages (${languages.join(', ')})`
          : `"${lng}" is not a language code such as "nb" or "en"`,
      )
    } else if (typeof text !== 'string' || text.trim() === '') {
      problem([...path, lng], 'must be a non-empty text')
    } else {
      check?.(text.trim(), [...path, lng])
      texts[lng] = text.trim()
    }
  }
  return texts
}

function parseController(root: Json, read: FieldReader): Controller | undefined {
  if (root.controller === undefined) return undefined
  const controller = read.object(root.controller, ['controller'])
  const organisationNumber = read.text(controller, ['controller', 'organisationNumber'], false)
  return {
    name: read.text(controller, ['controller', 'name']),
    ...(organisationNumber ? { organisationNumber } : {}),
  }
}

function parseContact(
  root: Json,
  languages: readonly string[],
  read: FieldReader,
  problem: Report,
): SiteConfig['contact'] {
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
  const addressIn = textsByLanguage(contact.addressIn, ['contact', 'addressIn'], languages, problem)
  return {
    email,
    phone,
    address: read.text(contact, ['contact', 'address']),
    addressIn,
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
  const isHttps = (value: string) => /^https:\/\/\S+$/.test(value)
  if (url !== '' && !isHttps(url)) problem(['authority', 'url'], 'must be an https:// address')
  // Keyed by the language each page is written in, which need not be one of the site's.
  const complaintPages = textsByLanguage(
    authority.complaintPages,
    ['authority', 'complaintPages'],
    undefined,
    problem,
    (page, path) => {
      if (!isHttps(page)) problem(path, 'must be an https:// address')
    },
  )
  return { name: read.text(authority, ['authority', 'name']), url, complaintPages }
}

function parseOtherSitesState(root: Json, problem: Report): OtherSitesState {
  const state = root.cookieInventoryOfOtherSites ?? 'not-published'
  if ((otherSitesStates as readonly unknown[]).includes(state)) return state as OtherSitesState
  problem(
    ['cookieInventoryOfOtherSites'],
    `must be "complete" (every cookie on the company's other sites is listed) or "not-published"`,
  )
  return 'not-published'
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
  const controller = parseController(root, read)
  const contact = parseContact(root, languages, read, problem)
  const authority = parseAuthority(root, read, problem)
  const cookieInventory = parseInventory(root, languages, read, problem)
  const cookieInventoryOfOtherSites = parseOtherSitesState(root, problem)
  const acceptLanguage = parseAcceptLanguagePatterns(root.acceptLanguage, languages, problem)
  const otherSites = parseOtherSites(root, problem)
  const privacyRequests = parsePrivacyRequests(root, problem)
  const consentCookieDomain = read.text(root, ['consentCookieDomain'], false)
  if (consentCookieDomain !== '' && !/^\.?([a-z0-9-]+\.)+[a-z]{2,}$/i.test(consentCookieDomain)) {
    problem(['consentCookieDomain'], `"${consentCookieDomain}" must be a domain such as example.no`)
  }
  const config: SiteConfig = {
    languages,
    acceptLanguage,
    ...(controller ? { controller } : {}),
    contact,
    authority,
    cookieInventory,
    cookieInventoryOfOtherSites,
    ...(consentCookieDomain ? { consentCookieDomain } : {}),
    otherSites,
    privacyRequests,
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

import type { Documents } from '../check/check-locales.js'
import type { Finding } from '../check/findings.js'
import { isFinding, type JsonDocument } from '../check/json-document.js'
import { isObject } from '../config/json-value.js'
import { isPlaceholderName, type SiteConfig } from '../config/site-config.js'
import {
  versionIndexOf,
  versionIndexProblems,
  versionNamespace,
  versionTimeline,
} from '../content/version-index.js'
import { type DisclosureItem, disclosureItemIds, disclosureItems } from './disclosure-items.js'

/** One item of Art. 13/14, and in each language what on the site tells it (empty: nothing). */
export interface CoverageRow {
  readonly item: DisclosureItem
  readonly answeredBy: ReadonlyMap<string, readonly string[]>
}

export interface DisclosureCoverage {
  /** The version of the notice the coverage is of: the one in force. */
  readonly version: string
  readonly languages: readonly string[]
  readonly rows: readonly CoverageRow[]
  readonly findings: readonly Finding[]
}

/** What the site tells every reader, whatever the notice says: the details in the configuration. */
function toldBySite(site: SiteConfig | undefined): ReadonlyMap<string, string> {
  const told = new Map([
    ['controller-contact', 'the contact details under the notice'],
    ['complaint', 'the contact page (#datatilsynet)'],
  ])
  if (site?.controller && !isPlaceholderName(site.controller.name)) {
    told.set('controller-identity', 'config/site.json: controller')
  }
  return told
}

function versionInForce(documents: Documents, now: Date): string | undefined {
  const versions = documents.get('versions')
  if (!versions || versionIndexProblems(versions.value).length > 0) return undefined
  try {
    return versionTimeline(versionIndexOf(versions.value), now).inForce.id
  } catch {
    return undefined // No version has taken effect yet.
  }
}

/** The sections with text in a language's version in force. */
function sectionsWithText(document: JsonDocument | undefined): Set<string> {
  const sections = (document?.value as { sections?: unknown } | undefined)?.sections
  if (!isObject(sections)) return new Set()
  return new Set(
    Object.entries(sections)
      .filter(([, section]) => {
        const paragraphs = (section as { paragraphs?: unknown })?.paragraphs
        return Array.isArray(paragraphs) && paragraphs.some((text) => String(text).trim() !== '')
      })
      .map(([id]) => id),
  )
}

/**
 * Which items of GDPR Art. 13 and 14 the notice in force tells, in each language, from what the
 * sections declare in `locales/disclosures.json`; a warning for each item nothing tells.
 */
export function disclosureCoverage(input: {
  readonly declarations: JsonDocument | Finding
  readonly documents: Documents
  readonly site: SiteConfig | undefined
  readonly languages: readonly string[]
  readonly now: Date
}): DisclosureCoverage | { readonly findings: readonly Finding[] } {
  const { declarations, documents, languages } = input
  // Without a version in force (the checker names why) there is no notice to cover.
  const version = versionInForce(documents, input.now)
  if (!version) return { findings: isFinding(declarations) ? [declarations] : [] }
  const findings: Finding[] = isFinding(declarations) ? [declarations] : []
  const document = isFinding(declarations) ? undefined : declarations
  const report = (path: (string | number)[], level: Finding['level'], message: string) => {
    const at = document ? document.at(path) : { line: 1, column: 1 }
    findings.push({ file: declarations.file, ...at, level, message })
  }

  const declared = new Map<string, string[]>() // item → the section ids that tell it
  const sections = (document?.value as { sections?: unknown } | undefined)?.sections
  if (document && !isObject(sections)) {
    report(['sections'], 'error', 'needs "sections": { "section-id": ["item", …], … }')
  }
  const inSource = sectionsWithText(documents.get(`${languages[0]}/${versionNamespace(version)}`))
  for (const [id, items] of Object.entries(isObject(sections) ? sections : {})) {
    if (!inSource.has(id)) {
      report(
        ['sections', id],
        'warning',
        `"${id}" is not a section of the notice in force (${version})`,
      )
    }
    if (!Array.isArray(items)) {
      report(
        ['sections', id],
        'error',
        `must be a list of items in [ ], such as ["purposes", "retention"]`,
      )
      continue
    }
    items.forEach((item, index) => {
      if (typeof item === 'string' && disclosureItemIds.has(item)) {
        declared.set(item, [...(declared.get(item) ?? []), id])
      } else {
        report(
          ['sections', id, index],
          'error',
          `"${String(item)}" is not an item of Art. 13 or 14: write one of ${[...disclosureItemIds].join(', ')}`,
        )
      }
    })
  }

  const told = toldBySite(input.site)
  const textIn = new Map(
    languages.map((lng) => [
      lng,
      sectionsWithText(documents.get(`${lng}/${versionNamespace(version)}`)),
    ]),
  )
  const rows = disclosureItems.map((item): CoverageRow => {
    const answeredBy = new Map(
      languages.map((lng) => {
        const bySections = (declared.get(item.id) ?? [])
          .filter((id) => textIn.get(lng)?.has(id))
          .map((id) => `#${id}`)
        const bySite = told.get(item.id)
        return [lng, bySite ? [...bySections, bySite] : bySections]
      }),
    )
    return { item, answeredBy }
  })
  for (const { item, answeredBy } of rows) {
    const missing = languages.filter((lng) => (answeredBy.get(lng) ?? []).length === 0)
    if (missing.length === 0) continue
    const told =
      missing.length === languages.length
        ? 'nothing in'
        : `in ${missing.join(', ')} (not in ${languages.filter((lng) => !missing.includes(lng)).join(', ')})`
    const fix =
      item.id === 'controller-identity'
        ? 'set "controller" in config/site.json, or when a section names the company, add "controller-identity" to its list here'
        : `when a section does, add "${item.id}" to its list here`
    report(
      ['sections'],
      'warning',
      `GDPR Art. ${item.article}, ${item.title.toLowerCase()}: ${told} the notice in force (${version}) tells ${item.asks}; ${fix}`,
    )
  }
  return { version, languages, rows, findings }
}

import type { Environment } from '../config/environment.js'
import type { SiteConfig } from '../config/site-config.js'
import type { SourceFile, SourceSet } from '../read/read-sources.js'
import { checkLocales, type Documents } from './check-locales.js'
import { checkSiteConfig } from './check-site-config.js'
import { type Finding, sortFindings } from './findings.js'
import { isFinding, type JsonDocument, parseJsonDocument } from './json-document.js'

/** What the check stage gives the next: the findings, and every file parsed. */
export interface CheckedSources {
  readonly findings: readonly Finding[]
  /** The errors that stop content going live: in anything but the draft. */
  readonly errors: readonly Finding[]
  /**
   * The errors in the notice being written (`draft.json`, `sections.json`): reported, and they
   * stop `npm run publish`, but they never hold back the live pages.
   */
  readonly draftErrors: readonly Finding[]
  readonly warnings: readonly Finding[]
  readonly filesChecked: number
  /** The site configuration, when it has no errors. */
  readonly site?: SiteConfig
  /** Every file that parsed: `site`, `sections`, `versions`, `nb/policy`, `en/versions/2024`... */
  readonly documents: Documents
}

/** The files of the notice being written: every language's `draft.json`, and the sections' order. */
function draftFiles(sources: SourceSet): (file: string) => boolean {
  const files = new Set([
    sources.sectionOrder.file,
    ...sources.languages.map((lng) => sources.locales.get(`${lng}/draft`)?.file),
  ])
  return (file) => files.has(file)
}

/**
 * The check stage: everything staff edit, as read, checked without touching the disk: the site
 * configuration, then every locale file. `mode` decides whether an email address is required.
 */
export function checkSources(
  sources: SourceSet,
  options: { readonly mode: Environment; readonly now: Date },
): CheckedSources {
  const parseErrors: Finding[] = []
  const documents = new Map<string, JsonDocument>()
  const parse = (key: string, source: SourceFile) => {
    const parsed = parseJsonDocument(source)
    if (isFinding(parsed)) parseErrors.push(parsed)
    else documents.set(key, parsed)
  }
  const siteDocument = parseJsonDocument(sources.siteConfig)
  if (!isFinding(siteDocument)) documents.set('site', siteDocument)
  const site = checkSiteConfig(siteDocument, options.mode)
  parse('sections', sources.sectionOrder)
  parse('versions', sources.versionList)
  for (const [key, source] of sources.locales) parse(key, source)
  const sourceFolder = `${sources.localesFolder}/${sources.languages[0]}/`
  const findings = sortFindings(
    [...site.findings, ...parseErrors, ...checkLocales(sources, documents, options.now)],
    (file) => file.startsWith(sourceFolder),
  )
  const inDraft = draftFiles(sources)
  const errors = findings.filter((finding) => finding.level === 'error')
  return {
    findings,
    errors: errors.filter((finding) => !inDraft(finding.file)),
    draftErrors: errors.filter((finding) => inDraft(finding.file)),
    warnings: findings.filter((finding) => finding.level === 'warning'),
    filesChecked: 3 + sources.locales.size,
    ...(site.config ? { site: site.config } : {}),
    documents,
  }
}

import { sitePages } from '../config/site-pages.js'
import { namespaces } from '../content/locales.js'
import { sectionOrderProblems } from '../content/section-order.js'
import { versionNamespace } from '../content/version-index.js'
import type { SourceSet } from '../read/read-sources.js'
import { warnAboutCopiedLanguage } from './check-copied-language.js'
import { checkInBrief, warnAboutStaleSummaries } from './check-in-brief.js'
import {
  checkLanguageIdentity,
  checkPolicy,
  type Report,
  warnAboutSourceText,
} from './check-policy.js'
import { checkSchemaLine } from './check-schema-line.js'
import { checkParity, checkRenamedInSource, checkTexts, type PageAnchors } from './check-texts.js'
import {
  checkVersionList,
  checkVersionText,
  sectionIdsOf,
  unlistedVersionFiles,
  warnAboutUnpublishedText,
} from './check-versions.js'
import type { Finding } from './findings.js'
import type { JsonDocument } from './json-document.js'

/** The parsed files of a source set, by their key (`sections`, `versions`, `nb/policy`). */
export type Documents = ReadonlyMap<string, JsonDocument>

function checkSectionOrder(document: JsonDocument | undefined, report: Report): string[] {
  if (!document) return []
  const problems = sectionOrderProblems(document.value)
  for (const problem of problems) {
    const at = problem.index === undefined ? ['policy'] : ['policy', problem.index]
    report(document, at, 'error', problem.message)
  }
  return problems.length === 0 ? (document.value as { policy: string[] }).policy : []
}

/**
 * The parts of each page a link may point to: the ids its template writes as they are (and the
 * layout's and partials'), and on the notice every section's, published or being written (so a
 * mistake in the draft's order never makes a live link look broken).
 */
function pageAnchors(
  sources: SourceSet,
  documents: Documents,
  order: readonly string[],
): PageAnchors {
  const [source = 'nb'] = sources.languages
  const sectionIds = new Set([
    ...order,
    ...sources.versionIds.flatMap((id) => {
      const version = documents.get(`${source}/${versionNamespace(id)}`)
      return version ? sectionIdsOf(version) : []
    }),
  ])
  const idsIn = (text: string) =>
    [...text.matchAll(/\bid="([a-z][a-z0-9-]*)"/g)].map((m) => m[1] ?? '')
  const shared = [...sources.views]
    .filter(([file]) => !/[/\\]pages[/\\]/.test(file))
    .flatMap(([, text]) => idsIn(text))
  return new Map(
    sitePages.map((page) => {
      const template = [...sources.views].find(([file]) =>
        file.replace(/\\/g, '/').endsWith(`/pages/${page.template}.ejs`),
      )
      const sections =
        page.name === 'policy' ? [...sectionIds].flatMap((id) => [id, `${id}-heading`]) : []
      return [page.name, new Set([...shared, ...idsIn(template?.[1] ?? ''), ...sections])]
    }),
  )
}

/** Per file, the keys renamed in the Norwegian file (reported there). */
function renamedKeys(
  sources: SourceSet,
  documents: Documents,
  report: Report,
): Map<string, ReadonlySet<string>> {
  const [source = 'nb', ...translations] = sources.languages
  return new Map(
    [...namespaces, ...sources.versionIds.map(versionNamespace)].map((ns) => {
      const sourceDocument = documents.get(`${source}/${ns}`)
      const translated = translations.flatMap((lng) => {
        const document = documents.get(`${lng}/${ns}`)
        return document ? [document] : []
      })
      const names = sourceDocument
        ? checkRenamedInSource(sourceDocument, translated, report)
        : new Set<string>()
      return [ns, names] as const
    }),
  )
}

/** One language's files: each text, its parity with Norwegian, its notice, identity and versions. */
function checkLanguage(
  sources: SourceSet,
  documents: Documents,
  lng: string,
  order: readonly string[],
  anchors: PageAnchors,
  renamed: ReadonlyMap<string, ReadonlySet<string>>,
  report: Report,
): void {
  const [source = 'nb'] = sources.languages
  for (const ns of [...namespaces, ...sources.versionIds.map(versionNamespace)]) {
    const document = documents.get(`${lng}/${ns}`)
    if (!document) continue
    checkTexts(document, anchors, report)
    checkSchemaLine(document, `${lng}/${ns}`, report)
    const sourceDocument = documents.get(`${source}/${ns}`)
    if (lng !== source && sourceDocument) {
      checkParity(document, sourceDocument, report, renamed.get(ns))
    }
    const earlier = sources.languages.slice(0, sources.languages.indexOf(lng)).flatMap((other) => {
      const theirs = documents.get(`${other}/${ns}`)
      return theirs ? [{ lng: other, document: theirs }] : []
    })
    warnAboutCopiedLanguage(document, earlier, report)
  }
  const sourceOf = (ns: string) => (lng === source ? undefined : documents.get(`${source}/${ns}`))
  const draft = documents.get(`${lng}/draft`)
  if (draft) {
    checkPolicy(draft, order, report)
    checkInBrief(draft, sourceOf('draft'), report)
  }
  const common = documents.get(`${lng}/common`)
  if (common) checkLanguageIdentity(common, lng, report)
  for (const id of sources.versionIds) {
    const version = documents.get(`${lng}/${versionNamespace(id)}`)
    const sourceVersion = documents.get(`${source}/${versionNamespace(id)}`)
    const sectionOrder = lng === source || !sourceVersion ? undefined : sectionIdsOf(sourceVersion)
    if (!version) continue
    checkVersionText(version, sectionOrder, report)
    checkInBrief(version, sourceOf(versionNamespace(id)), report)
  }
}

/** Warnings about the Norwegian text, and about text edited but not published yet. */
function warnAboutDrafts(
  sources: SourceSet,
  documents: Documents,
  order: readonly string[],
  report: Report,
): void {
  const { languages, versionIds } = sources
  const [source = 'nb'] = languages
  const newestId = versionIds.at(-1)
  const list = documents.get('versions')?.value as { versions?: { updated?: unknown }[] }
  const newest = list?.versions?.at(-1)
  const sourceDraft = documents.get(`${source}/draft`)
  if (sourceDraft) {
    const updated = typeof newest?.updated === 'string' ? newest.updated : ''
    warnAboutSourceText(sourceDraft, { updated, effective: newestId ?? '' }, report)
  }
  const sourceVersions = versionIds.flatMap((id) => {
    const document = documents.get(`${source}/${versionNamespace(id)}`)
    return document ? [{ id, document }] : []
  })
  warnAboutStaleSummaries(sourceDraft, sourceVersions, report)
  if (!newestId) return
  const present = (ns: string) =>
    new Map(
      languages.flatMap((lng) => {
        const document = documents.get(`${lng}/${ns}`)
        return document ? [[lng, document] as const] : []
      }),
    )
  warnAboutUnpublishedText(
    present('draft'),
    present(versionNamespace(newestId)),
    order,
    source,
    newestId,
    report,
  )
}

/**
 * Checks every locale file of every language against the Norwegian source: syntax, keys,
 * variables, empty texts, links, sections and their order, the published versions and their
 * dates, the short summary of each; and warns about slips in the Norwegian text, about changes
 * not published yet and about summary lines whose section changed.
 */
export function checkLocales(
  sources: SourceSet,
  documents: Documents,
  /** For whether a version is in force yet. */
  now: Date,
): Finding[] {
  const findings: Finding[] = []
  const report: Report = (document, pathParts, level, message, index) => {
    const where =
      index === undefined ? document.at(pathParts) : document.atCharacter(pathParts, index)
    findings.push({ file: document.file, ...where, level, message })
  }
  for (const key of ['site', 'sections', 'versions']) {
    const document = documents.get(key)
    if (document) checkSchemaLine(document, key, report)
  }
  const order = checkSectionOrder(documents.get('sections'), report)
  const versionList = documents.get('versions')
  if (versionList) checkVersionList(versionList, now, report)
  const anchors = pageAnchors(sources, documents, order)
  const renamed = renamedKeys(sources, documents, report)
  const folder = `${sources.localesFolder}/`
  for (const lng of sources.languages) {
    const files = sources.versionFiles.get(lng) ?? []
    findings.push(...unlistedVersionFiles(`${folder}${lng}/versions`, files, sources.versionIds))
    checkLanguage(sources, documents, lng, order, anchors, renamed, report)
  }
  warnAboutDrafts(sources, documents, order, report)
  return findings
}

import path from 'node:path'
import type { JSONPath } from 'jsonc-parser'
import { namespaces } from '../content/locales.js'
import { isAllowedLinkTarget } from '../content/markup.js'
import { sectionOrderProblems } from '../content/section-order.js'
import { versionIndexFile, versionNamespace } from '../content/version-index.js'
import { fieldName } from '../site-config.js'
import { pageLinkResolver } from '../site-pages.js'
import {
  checkLanguageIdentity,
  checkPolicy,
  type Report,
  warnAboutSourceText,
} from './check-policy.js'
import {
  checkVersionList,
  checkVersionText,
  sectionIdsOf,
  unlistedVersionFiles,
  warnAboutUnpublishedText,
} from './check-versions.js'
import type { Finding } from './findings.js'
import { isFinding, type JsonDocument, readJsonDocument } from './json-document.js'

interface Leaf {
  readonly path: JSONPath
  readonly value: unknown
}

/** Every text (leaf) of a locale file by its dotted name; the `$schema` reference is not text. */
function leaves(value: unknown, prefix: JSONPath = []): Map<string, Leaf> {
  const found = new Map<string, Leaf>()
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((item, index) => [index, item] as const)
      : Object.entries(value)
    for (const [key, child] of entries) {
      if (prefix.length === 0 && key === '$schema') continue
      for (const [name, leaf] of leaves(child, [...prefix, key])) found.set(name, leaf)
    }
  } else {
    found.set(fieldName(prefix), { path: prefix, value })
  }
  return found
}

/** Characters no page or feed may hold; a line break (\n) is allowed, for lists. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const invisibleControl = /[\u0000-\u0009\u000b-\u001f\u007f]/

const variables = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort()

const linkTargets = (text: string) =>
  [...text.matchAll(/\]\(([^)\s]*)\)/g)].map((match) => ({
    target: match[1] ?? '',
    index: match.index + 2,
  }))

function linkAllowed(target: string): boolean {
  if (target.startsWith('page:'))
    return pageLinkResolver('nb')(target.slice('page:'.length)) !== undefined
  return isAllowedLinkTarget(target)
}

/**
 * Checks every locale file of every language against the Norwegian source: syntax, keys,
 * variables, empty texts, links, sections and their order, the published versions and their
 * dates; and warns about slips in the Norwegian text and about changes not published yet.
 */
export function checkLocales(
  localesDir: string,
  languages: readonly string[],
  display: (absolute: string) => string,
  /** For whether a version is in force yet. */
  now: Date = new Date(),
): { findings: Finding[]; files: number } {
  const findings: Finding[] = []
  let files = 0
  const report: Report = (document, pathParts, level, message, index) => {
    const where =
      index === undefined ? document.at(pathParts) : document.atCharacter(pathParts, index)
    findings.push({ file: document.file, ...where, level, message })
  }
  const read = (absolute: string): JsonDocument | undefined => {
    files++
    const document = readJsonDocument(absolute, display(absolute))
    if (isFinding(document)) {
      findings.push(document)
      return undefined
    }
    return document
  }

  const orderDocument = read(path.join(localesDir, 'sections.json'))
  let order: string[] = []
  if (orderDocument) {
    const problems = sectionOrderProblems(orderDocument.value)
    for (const problem of problems) {
      report(
        orderDocument,
        problem.index === undefined ? ['policy'] : ['policy', problem.index],
        'error',
        problem.message,
      )
    }
    if (problems.length === 0) order = (orderDocument.value as { policy: string[] }).policy
  }

  const indexDocument = read(path.join(localesDir, versionIndexFile))
  const versionIds = indexDocument ? checkVersionList(indexDocument, now, report) : []
  const allNamespaces = [...namespaces, ...versionIds.map(versionNamespace)]

  const [source = 'nb'] = languages
  const documents = new Map<string, JsonDocument | undefined>()
  for (const lng of languages) {
    for (const ns of allNamespaces)
      documents.set(`${lng}/${ns}`, read(path.join(localesDir, lng, `${ns}.json`)))
    findings.push(...unlistedVersionFiles(localesDir, lng, versionIds, display))
  }

  for (const lng of languages) {
    for (const ns of allNamespaces) {
      const document = documents.get(`${lng}/${ns}`)
      if (!document) continue
      const own = leaves(document.value)
      for (const [name, leaf] of own) {
        if (typeof leaf.value !== 'string') {
          report(document, leaf.path, 'error', `"${name}" must be a text in double quotes`)
          continue
        }
        if (leaf.value.trim() === '')
          report(
            document,
            leaf.path,
            'error',
            `"${name}" is empty: write the text, or remove the key from every language`,
          )
        const control = invisibleControl.exec(leaf.value)
        if (control) {
          report(
            document,
            leaf.path,
            'error',
            `"${name}" holds an invisible control character (U+${(control[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0').toUpperCase()}), often pasted from another program: delete it`,
            control.index,
          )
        }
        for (const { target, index } of linkTargets(leaf.value)) {
          if (!linkAllowed(target)) {
            report(
              document,
              leaf.path,
              'error',
              `link target "${target}" is not allowed: links go to page:policy, page:cookies or page:contact (optionally with #part), or to https://, mailto: or tel: addresses`,
              index,
            )
          }
        }
      }
      const sourceDocument = documents.get(`${source}/${ns}`)
      if (lng === source || !sourceDocument) continue
      const sourceFile = sourceDocument.file
      for (const [name, leaf] of leaves(sourceDocument.value)) {
        const translated = own.get(name)
        if (!translated) {
          report(document, leaf.path, 'error', `"${name}" is missing: ${sourceFile} has it`)
          continue
        }
        if (typeof leaf.value === 'string' && typeof translated.value === 'string') {
          const expected = variables(leaf.value)
          const actual = variables(translated.value)
          if (expected.join() !== actual.join()) {
            const list = (names: string[]) =>
              names.length ? names.map((v) => `{{${v}}}`).join(', ') : 'none'
            report(
              document,
              translated.path,
              'error',
              `"${name}" uses ${list(actual)} but ${sourceFile} uses ${list(expected)}: keep the {{...}} placeholders exactly`,
            )
          }
        }
      }
      const sourceLeaves = leaves(sourceDocument.value)
      for (const [name, leaf] of own) {
        if (!sourceLeaves.has(name)) {
          report(
            document,
            leaf.path,
            'error',
            `"${name}" is not in ${sourceFile}: remove it, or add it to the Norwegian file first`,
          )
        }
      }
    }

    const policy = documents.get(`${lng}/policy`)
    if (policy) checkPolicy(policy, order, report)
    const common = documents.get(`${lng}/common`)
    if (common) checkLanguageIdentity(common, lng, report)
    for (const id of versionIds) {
      const version = documents.get(`${lng}/${versionNamespace(id)}`)
      const sourceVersion = documents.get(`${source}/${versionNamespace(id)}`)
      const order = lng === source || !sourceVersion ? undefined : sectionIdsOf(sourceVersion)
      if (version) checkVersionText(version, order, report)
    }
  }

  const newestId = versionIds.at(-1)
  const newest = (indexDocument?.value as { versions?: { updated?: unknown }[] })?.versions?.at(-1)
  const sourcePolicy = documents.get(`${source}/policy`)
  if (sourcePolicy) {
    const updated = typeof newest?.updated === 'string' ? newest.updated : ''
    warnAboutSourceText(sourcePolicy, { updated, effective: newestId ?? '' }, report)
  }
  if (newestId) {
    const present = (entries: [string, JsonDocument | undefined][]) =>
      new Map(entries.filter((entry): entry is [string, JsonDocument] => Boolean(entry[1])))
    warnAboutUnpublishedText(
      present(languages.map((lng) => [lng, documents.get(`${lng}/policy`)])),
      present(languages.map((lng) => [lng, documents.get(`${lng}/${versionNamespace(newestId)}`)])),
      order,
      source,
      newestId,
      report,
    )
  }
  return { findings, files }
}

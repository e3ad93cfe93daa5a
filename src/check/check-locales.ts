import path from 'node:path'
import type { JSONPath } from 'jsonc-parser'
import { firstDayOf, isPolicyDate } from '../content/dates.js'
import { languageTag, openGraphLocale } from '../content/load-content.js'
import { namespaces } from '../content/locales.js'
import { isAllowedLinkTarget } from '../content/markup.js'
import { sectionOrderProblems } from '../content/section-order.js'
import { pageLinkResolver } from '../site-pages.js'
import type { Finding, Level } from './findings.js'
import { isFinding, type JsonDocument, readJsonDocument } from './json-document.js'
import { slipsInParagraph, slipsInText } from './source-text.js'

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
    found.set(dotted(prefix), { path: prefix, value })
  }
  return found
}

function dotted(pathParts: JSONPath): string {
  return pathParts
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join('')
}

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

/** Replaces `{{date}}` with the date, keeping a way back from an index in the result to the text. */
function withDate(
  text: string,
  date: string,
): { text: string; original: (index: number) => number } {
  const at = text.indexOf('{{date}}')
  if (at < 0) return { text, original: (index) => index }
  return {
    text: text.replace('{{date}}', date),
    original: (index) =>
      index < at ? index : index >= at + date.length ? index - date.length + 8 : at,
  }
}

/**
 * Checks every locale file of every language against the Norwegian source: syntax, keys,
 * variables, empty texts, links, sections and their order, dates; and warns about slips in the
 * Norwegian text itself.
 */
export function checkLocales(
  localesDir: string,
  languages: readonly string[],
  display: (absolute: string) => string,
): { findings: Finding[]; files: number } {
  const findings: Finding[] = []
  let files = 0
  const report = (
    document: JsonDocument,
    pathParts: JSONPath,
    level: Level,
    message: string,
    index?: number,
  ) => {
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

  const [source = 'nb'] = languages
  const documents = new Map<string, JsonDocument | undefined>()
  for (const lng of languages) {
    for (const ns of namespaces)
      documents.set(`${lng}/${ns}`, read(path.join(localesDir, lng, `${ns}.json`)))
  }

  for (const lng of languages) {
    for (const ns of namespaces) {
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
  }

  const sourcePolicy = documents.get(`${source}/policy`)
  if (sourcePolicy) warnAboutSourceText(sourcePolicy, report)
  for (const lng of languages.slice(1)) {
    const policy = documents.get(`${lng}/policy`)
    if (sourcePolicy && policy) warnAboutStaleTranslation(sourcePolicy, policy, report)
  }
  return { findings, files }
}

type Report = (
  document: JsonDocument,
  pathParts: JSONPath,
  level: Level,
  message: string,
  index?: number,
) => void

function sectionsOf(document: JsonDocument): Record<string, { paragraphs?: unknown }> {
  const sections = (document.value as { sections?: unknown }).sections
  return sections && typeof sections === 'object' && !Array.isArray(sections)
    ? (sections as Record<string, { paragraphs?: unknown }>)
    : {}
}

function checkPolicy(document: JsonDocument, order: readonly string[], report: Report): void {
  const sections = sectionsOf(document)
  for (const id of order) {
    if (!(id in sections)) {
      report(
        document,
        ['sections'],
        'error',
        `section "${id}" is in locales/sections.json but has no text here: add it under "sections"`,
      )
    }
  }
  for (const [id, section] of Object.entries(sections)) {
    if (order.length > 0 && !order.includes(id)) {
      report(
        document,
        ['sections', id],
        'error',
        `section "${id}" is not in locales/sections.json: add its id there where it should appear, or remove it here`,
      )
    }
    const paragraphs = section?.paragraphs
    if (!Array.isArray(paragraphs) || paragraphs.length === 0) {
      report(
        document,
        ['sections', id],
        'error',
        `section "${id}" needs "paragraphs": a list of texts in [ ]`,
      )
    }
    if (typeof (section as { heading?: unknown })?.heading !== 'string') {
      report(document, ['sections', id], 'error', `section "${id}" needs a "heading"`)
    }
  }
  const dates = (document.value as { dates?: Record<string, unknown> }).dates ?? {}
  for (const which of ['updated', 'effective']) {
    const value = dates[which]
    if (typeof value === 'string' && !isPolicyDate(value)) {
      report(
        document,
        ['dates', which],
        'error',
        `dates.${which} "${value}" must be a year (2024), a month (2024-05) or a day (2024-05-17)`,
      )
    }
  }
}

function checkLanguageIdentity(document: JsonDocument, lng: string, report: Report): void {
  const language = (document.value as { language?: Record<string, unknown> }).language ?? {}
  const tag = language.tag
  if (typeof tag === 'string' && (!languageTag.test(tag) || tag.split('-')[0] !== lng)) {
    report(
      document,
      ['language', 'tag'],
      'error',
      `language.tag "${tag}" must be a language tag starting with "${lng}", such as "${lng}" or "zh-Hans"`,
    )
  }
  const ogLocale = language.ogLocale
  if (typeof ogLocale === 'string' && !openGraphLocale.test(ogLocale)) {
    report(
      document,
      ['language', 'ogLocale'],
      'error',
      `language.ogLocale "${ogLocale}" must look like "nb_NO"`,
    )
  }
}

function warnAboutSourceText(document: JsonDocument, report: Report): void {
  const value = document.value as {
    dates?: Record<string, string>
    updated?: unknown
    effective?: unknown
    note?: unknown
  }
  const textWarnings = (
    pathParts: JSONPath,
    text: string,
    original: (index: number) => number = (i) => i,
  ) => {
    for (const slip of slipsInText(text))
      report(document, pathParts, 'warning', slip.message, original(slip.index))
  }
  for (const which of ['updated', 'effective'] as const) {
    const template = value[which]
    if (typeof template !== 'string') continue
    const filled = withDate(template, value.dates?.[which] ?? '')
    textWarnings([which], filled.text, filled.original)
  }
  if (typeof value.note === 'string') {
    textWarnings(['note'], value.note)
    for (const slip of slipsInParagraph(value.note, undefined))
      report(document, ['note'], 'warning', slip.message, slip.index)
  }
  for (const [id, section] of Object.entries(sectionsOf(document))) {
    const paragraphs = Array.isArray(section?.paragraphs) ? section.paragraphs : []
    paragraphs.forEach((paragraph, index) => {
      if (typeof paragraph !== 'string') return
      const at: JSONPath = ['sections', id, 'paragraphs', index]
      textWarnings(at, paragraph)
      const next = paragraphs[index + 1]
      for (const slip of slipsInParagraph(paragraph, typeof next === 'string' ? next : undefined)) {
        report(document, at, 'warning', slip.message, slip.index)
      }
    })
  }
}

function warnAboutStaleTranslation(
  source: JsonDocument,
  translation: JsonDocument,
  report: Report,
): void {
  const updated = (document: JsonDocument) =>
    (document.value as { dates?: { updated?: unknown } }).dates?.updated
  const sourceDate = updated(source)
  const translationDate = updated(translation)
  if (typeof sourceDate !== 'string' || typeof translationDate !== 'string') return
  if (!isPolicyDate(sourceDate) || !isPolicyDate(translationDate)) return
  if (firstDayOf(translationDate) < firstDayOf(sourceDate)) {
    report(
      translation,
      ['dates', 'updated'],
      'warning',
      `this translation is dated ${translationDate}, before the Norwegian text (${sourceDate}): check whether it needs the same changes, then update its date`,
    )
  }
}

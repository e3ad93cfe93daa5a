import type { JSONPath } from 'jsonc-parser'
import { fieldName } from '../config/site-config.js'
import { pageLinkResolver } from '../config/site-pages.js'
import { isAllowedLinkTarget } from '../content/markup.js'
import type { Report } from './check-policy.js'
import type { JsonDocument } from './json-document.js'

/** The checks of every text in a locale file, and of a translation key for key against Norwegian. */

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

/** Characters nobody sees that change what is shown: zero-width, direction marks and overrides. */
const invisibleFormat = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/
/** A link opened with [text]( and never closed with ). */
const unclosedLink = /\]\([^)]*$/
/** A translator's note opened with [[ and not closed with ]], empty, or holding a [. */
const unclosedNote = /\[\[(?![^[\]]*[^\s[\]][^[\]]*\]\])/
/** Something that looks like an HTML tag: it is shown as text, never as markup. */
const htmlTag = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i
const longText = 3_000
const tooLongText = 20_000

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

/** The ids each page has, that a `page:contact#part` link may go to. */
export type PageAnchors = ReadonlyMap<string, ReadonlySet<string>>

/** A link to a part of a page that has no such part; undefined when it has (or is no such link). */
function missingAnchor(target: string, anchors: PageAnchors): string | undefined {
  const [page = '', fragment] = target.slice('page:'.length).split('#', 2)
  if (!target.startsWith('page:') || fragment === undefined) return undefined
  const ids = anchors.get(page)
  if (!ids || ids.has(fragment)) return undefined
  return `link target "${target}": the ${page} page has no part "${fragment}". Its parts are: ${[...ids].sort().join(', ')}`
}

function checkText(
  document: JsonDocument,
  name: string,
  leaf: Leaf,
  anchors: PageAnchors,
  report: Report,
): void {
  if (typeof leaf.value !== 'string') {
    report(document, leaf.path, 'error', `"${name}" must be a text in double quotes`)
    return
  }
  if (leaf.value.trim() === '') {
    const message = `"${name}" is empty: write the text, or remove the key from every language`
    report(document, leaf.path, 'error', message)
  }
  const control = invisibleControl.exec(leaf.value)
  if (control) {
    const code = (control[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0').toUpperCase()
    const message = `"${name}" holds an invisible control character (U+${code}), often pasted from another program: delete it`
    report(document, leaf.path, 'error', message, control.index)
  }
  checkInvisibleAndMarkup(document, name, leaf.path, leaf.value, report)
  for (const { target, index } of linkTargets(leaf.value)) {
    const missing = linkAllowed(target) ? missingAnchor(target, anchors) : undefined
    if (missing) report(document, leaf.path, 'error', missing, index)
    if (linkAllowed(target)) continue
    const message = `link target "${target}" is not allowed: links go to page:policy, page:cookies or page:contact (optionally with #part), or to https://, mailto: or tel: addresses`
    report(document, leaf.path, 'error', message, index)
  }
}

function checkInvisibleAndMarkup(
  document: JsonDocument,
  name: string,
  at: JSONPath,
  text: string,
  report: Report,
): void {
  const hidden = invisibleFormat.exec(text)
  if (hidden) {
    const code = (hidden[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0').toUpperCase()
    const message = `"${name}" holds an invisible character (U+${code}) that can hide or reorder text, often pasted from another program: delete it (retype the words around it)`
    report(document, at, 'error', message, hidden.index)
  }
  const unclosed = unclosedLink.exec(text)
  if (unclosed) {
    const message = `"${name}" has a link that is not closed: write it as [words](page:contact), with the closing )`
    report(document, at, 'error', message, unclosed.index)
  }
  const note = unclosedNote.exec(text)
  if (note) {
    const message = `"${name}" has a translator's note that is not closed or is empty: write it as [[the note's words]], with the closing ]] and no [ inside`
    report(document, at, 'error', message, note.index)
  }
  const tag = htmlTag.exec(text)
  if (tag) {
    const message = `"${name}" holds HTML (${tag[0]}), which visitors see as it is written, not as formatting: use *emphasis* and [links](page:contact) instead`
    report(document, at, 'warning', message, tag.index)
  }
  if (text.length > tooLongText) {
    const message = `"${name}" is ${text.length} characters long, more than ${tooLongText}: split it into paragraphs`
    report(document, at, 'error', message)
  } else if (text.length > longText) {
    const message = `"${name}" is ${text.length} characters long: readers do better with paragraphs under ${longText} characters`
    report(document, at, 'warning', message)
  }
}

/** Each text of a file: a text, not empty, no control characters, links that may be followed. */
export function checkTexts(document: JsonDocument, anchors: PageAnchors, report: Report): void {
  for (const [name, leaf] of leaves(document.value))
    checkText(document, name, leaf, anchors, report)
}

/** A translation has exactly the keys of the Norwegian file, with the same placeholders. */
/**
 * Keys renamed in the Norwegian file: in no translation, while every translation has a key the
 * Norwegian file lacks. Each is reported in the Norwegian file, where the slip was made, and
 * the names returned, so that no translation is blamed for it.
 */
export function checkRenamedInSource(
  source: JsonDocument,
  translations: readonly JsonDocument[],
  report: Report,
): Set<string> {
  if (translations.length === 0) return new Set()
  const sourceLeaves = leaves(source.value)
  const translated = translations.map((document) => leaves(document.value))
  const added = [...sourceLeaves].filter(([name]) => translated.every((own) => !own.has(name)))
  const [first, ...others] = translated
  const lost = [...(first?.keys() ?? [])].filter(
    (name) => !sourceLeaves.has(name) && others.every((own) => own.has(name)),
  )
  if (added.length === 0 || lost.length === 0) return new Set()
  for (const [index, [name, leaf]] of added.entries()) {
    const old = lost[Math.min(index, lost.length - 1)]
    report(
      source,
      leaf.path,
      'error',
      `"${name}" is in no translation, and every translation has "${old}", which this file lacks: was it renamed here? Give it back its name, or rename it in every language`,
    )
  }
  return new Set([...added.map(([name]) => name), ...lost])
}

export function checkParity(
  document: JsonDocument,
  source: JsonDocument,
  report: Report,
  /** Keys renamed in the Norwegian file: reported there, not here. */
  renamed: ReadonlySet<string> = new Set(),
): void {
  const own = leaves(document.value)
  const sourceLeaves = leaves(source.value)
  for (const [name, leaf] of sourceLeaves) {
    if (renamed.has(name)) continue
    const translated = own.get(name)
    if (!translated) {
      report(document, leaf.path, 'error', `"${name}" is missing: ${source.file} has it`)
      continue
    }
    if (typeof leaf.value !== 'string' || typeof translated.value !== 'string') continue
    const expected = variables(leaf.value)
    const actual = variables(translated.value)
    if (expected.join() === actual.join()) continue
    const list = (names: string[]) =>
      names.length ? names.map((v) => `{{${v}}}`).join(', ') : 'none'
    const message = `"${name}" uses ${list(actual)} but ${source.file} uses ${list(expected)}: keep the {{...}} placeholders exactly`
    report(document, translated.path, 'error', message)
  }
  for (const [name, leaf] of own) {
    if (sourceLeaves.has(name) || renamed.has(name)) continue
    const message = `"${name}" is not in ${source.file}: remove it, or add it to the Norwegian file first`
    report(document, leaf.path, 'error', message)
  }
}

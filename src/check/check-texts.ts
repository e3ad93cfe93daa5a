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

function checkText(document: JsonDocument, name: string, leaf: Leaf, report: Report): void {
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
  for (const { target, index } of linkTargets(leaf.value)) {
    if (linkAllowed(target)) continue
    const message = `link target "${target}" is not allowed: links go to page:policy, page:cookies or page:contact (optionally with #part), or to https://, mailto: or tel: addresses`
    report(document, leaf.path, 'error', message, index)
  }
}

/** Each text of a file: a text, not empty, no control characters, links that may be followed. */
export function checkTexts(document: JsonDocument, report: Report): void {
  for (const [name, leaf] of leaves(document.value)) checkText(document, name, leaf, report)
}

/** A translation has exactly the keys of the Norwegian file, with the same placeholders. */
export function checkParity(document: JsonDocument, source: JsonDocument, report: Report): void {
  const own = leaves(document.value)
  const sourceLeaves = leaves(source.value)
  for (const [name, leaf] of sourceLeaves) {
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
    if (sourceLeaves.has(name)) continue
    const message = `"${name}" is not in ${source.file}: remove it, or add it to the Norwegian file first`
    report(document, leaf.path, 'error', message)
  }
}

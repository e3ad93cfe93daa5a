import { isObject } from '../config/json-value.js'
import type { Report } from './check-policy.js'
import type { JsonDocument } from './json-document.js'

/**
 * A language folder copied from another and not translated yet goes live in the other
 * language, with nothing to tell: the checker warns about a file whose texts are mostly the
 * same as the same file of a language listed before it.
 */

/** Texts long enough to say which language they are in (not names, numbers or placeholders). */
function wordyTexts(value: unknown, path = ''): Map<string, string> {
  const texts = new Map<string, string>()
  const walk = (item: unknown, at: string) => {
    if (typeof item === 'string') {
      if (item.length >= 12 && /\p{L}{3}/u.test(item)) texts.set(at, item)
    } else if (Array.isArray(item)) {
      for (const [index, entry] of item.entries()) walk(entry, `${at}[${index}]`)
    } else if (isObject(item)) {
      for (const [key, entry] of Object.entries(item))
        if (key !== '$schema') walk(entry, `${at}.${key}`)
    }
  }
  walk(value, path)
  return texts
}

/** At least this many texts compared, and more than this share the same: not translated. */
const fewestTexts = 3
const sameShare = 0.5

export function warnAboutCopiedLanguage(
  document: JsonDocument,
  earlier: readonly { readonly lng: string; readonly document: JsonDocument }[],
  report: Report,
): void {
  const texts = wordyTexts(document.value)
  if (texts.size < fewestTexts) return
  for (const other of earlier) {
    const theirs = wordyTexts(other.document.value)
    const same = [...texts].filter(([at, text]) => theirs.get(at) === text).length
    if (same / texts.size > sameShare) {
      report(
        document,
        [],
        'warning',
        `${same} of the ${texts.size} texts in this file are the same as in ${other.document.file}: is it translated? Until it is, visitors choosing this language read ${other.lng}`,
      )
      return
    }
  }
}

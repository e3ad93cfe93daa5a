import type { JSONPath } from 'jsonc-parser'
import { translatorNotes } from '../content/markup.js'
import type { Level } from './findings.js'
import type { JsonDocument } from './json-document.js'
import { slipsInParagraph, slipsInText } from './source-text.js'

/** Checks and warnings about one language's notice and identity, beyond key-for-key parity. */

/** A BCP 47 tag as the pages use it: language, optional script, optional region (`zh-Hans`). */
const languageTag = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/
const openGraphLocale = /^[a-z]{2,3}_[A-Z]{2}$/

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

export type Report = (
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

export function checkPolicy(
  document: JsonDocument,
  order: readonly string[],
  report: Report,
): void {
  const value = document.value as Record<string, unknown>
  for (const line of ['updated', 'effective']) {
    const text = value[line]
    if (typeof text === 'string' && !text.includes('{{date}}')) {
      report(document, [line], 'error', `"${line}" needs {{date}} where the date goes`)
    }
  }
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
}

export function checkLanguageIdentity(document: JsonDocument, lng: string, report: Report): void {
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

/** Slips in the Norwegian text; the date templates are read with the newest version's dates. */
export function warnAboutSourceText(
  document: JsonDocument,
  dates: { readonly updated: string; readonly effective: string },
  report: Report,
): void {
  const value = document.value as {
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
    const filled = withDate(template, dates[which])
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
      if (translatorNotes(paragraph).length > 0) {
        const message = `a translator's note ([[…]]) in the Norwegian text: notes belong in the translations, the Norwegian is the company's own words`
        report(document, at, 'error', message, paragraph.indexOf('[['))
      }
      const next = paragraphs[index + 1]
      for (const slip of slipsInParagraph(paragraph, typeof next === 'string' ? next : undefined)) {
        report(document, at, 'warning', slip.message, slip.index)
      }
    })
  }
}

import { escapeHtml, type Html } from '../content/html.js'

/** The values put into a text where its `{{name}}` placeholders stand. */
export type PlaceholderValues = Readonly<Record<string, string>>

const placeholder = /\{\{\s*([\w.]+)\s*\}\}/g

function fill(
  template: string,
  values: PlaceholderValues,
  outside: (text: string) => string,
  inside: (value: string) => string,
): string {
  let result = ''
  let last = 0
  for (const match of template.matchAll(placeholder)) {
    const name = match[1] ?? ''
    const value = Object.hasOwn(values, name) ? values[name] : undefined
    if (value === undefined) {
      throw new Error(`mail text "${template}" has a placeholder {{${name}}} that no email fills`)
    }
    result += outside(template.slice(last, match.index)) + inside(value)
    last = match.index + match[0].length
  }
  return result + outside(template.slice(last))
}

/** The text with its placeholders filled, for the plain-text body or a header. */
export function fillText(template: string, values: PlaceholderValues): string {
  return fill(
    template,
    values,
    (text) => text,
    (value) => value,
  )
}

/** Escaped HTML of a text, line breaks as `<br>`. */
export function textAsHtml(text: string): Html {
  return escapeHtml(text).replace(/\n/g, '<br>\n') as Html
}

/**
 * The text with its placeholders filled, as HTML: the staff's text and every value escaped, each
 * on its own, so that nothing from a visitor, staff or a locale file is ever read as markup.
 */
export function fillHtml(template: string, values: PlaceholderValues): Html {
  return fill(template, values, textAsHtml, textAsHtml) as Html
}

import { controlCharacters } from '../config/mail-environment.js'

/** Characters nobody sees that change what is shown: zero-width, direction marks and overrides. */
const invisibleFormat = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/**
 * A text as one mail header may hold it (a name, a subject, a reference): control characters,
 * line breaks above all, become spaces, so that nothing a visitor types can end the header and
 * start another; invisible marks go; at most `max` characters.
 */
export function headerText(value: string, max: number): string {
  const flat = value
    .replace(controlCharacters, ' ')
    .replace(invisibleFormat, '')
    .replace(/\s+/g, ' ')
    .trim()
  return [...flat].slice(0, max).join('').trim()
}

/**
 * A message from staff as the body of an email: line breaks kept (as `\n`), other control
 * characters dropped, at most two empty lines in a row.
 */
export function bodyText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\u2028\u2029]/g, '\n')
    .split('\n')
    .map((line) => line.replace(controlCharacters, '').replace(invisibleFormat, '').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

import { ConfigError } from './config-error.js'

/**
 * SMTP_URL and MAIL_FROM: how the emails to visitors leave, and whom they come from. Read with the
 * rest of the environment; only the privacy-request form sends mail.
 */

/** The sender outside production when MAIL_FROM is not set: the outbox is only read locally. */
export const developmentMailFrom = 'Personvern <personvern@localhost>'

/** Characters no mail header may hold: they could end a header and start another. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
export const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/** An address as mail servers take it: a dot-atom before the @, a host name of labels after it. */
const localPart = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
const domainLabel = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/

/** A sane email address: ASCII, one @, at most 254 characters (RFC 5321), a dotted host name. */
export function isEmailAddress(value: string): boolean {
  if (value.length > 254) return false
  const at = value.lastIndexOf('@')
  if (at < 1) return false
  const local = value.slice(0, at)
  const labels = value.slice(at + 1).split('.')
  return (
    local.length <= 64 &&
    localPart.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => domainLabel.test(label)) &&
    /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]+)$/.test(labels.at(-1) ?? '')
  )
}

/**
 * SMTP_URL, such as `smtp://user:password@mail.example.no:587` or `smtps://…`; undefined when not
 * set. The value is never repeated in a message: it may hold a password.
 */
export function parseSmtpUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  const example =
    'such as smtp://user:password@mail.example.no:587 or smtps://user:password@mail.example.no'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(`SMTP_URL is not a valid address: write it ${example}`)
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, ${example}`)
  }
  if (url.hostname === '') {
    throw new ConfigError(`SMTP_URL names no mail server: write it ${example}`)
  }
  if (url.port !== '' && (Number(url.port) < 1 || Number(url.port) > 65535)) {
    throw new ConfigError('SMTP_URL has a port outside 1–65535')
  }
  return value
}

/**
 * MAIL_FROM, the sender of every email: `personvern@example.no` or `Personvern <personvern@example.no>`.
 * Required with SMTP_URL (a real server needs a real sender); otherwise it defaults.
 */
export function parseMailFrom(value: string | undefined, smtpUrl: string | undefined): string {
  if (value === undefined || value === '') {
    if (smtpUrl !== undefined) {
      throw new ConfigError(
        'MAIL_FROM is required with SMTP_URL: the sender address, such as Personvern <personvern@example.no>',
      )
    }
    return developmentMailFrom
  }
  const named = /^([^<>"]*?)\s*<([^<>]+)>$/.exec(value)
  const address = named ? (named[2] ?? '') : value
  if (value.search(controlCharacters) !== -1 || !isEmailAddress(address)) {
    throw new ConfigError(
      `MAIL_FROM "${value.replace(controlCharacters, '?')}" must be an email address, such as personvern@example.no or Personvern <personvern@example.no>`,
    )
  }
  return value
}

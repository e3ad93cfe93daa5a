import { isEmailAddress } from '../config/mail-environment.js'
import { headerText } from './header-text.js'

/** The visitor an email goes to, as the `To` header may hold them. */
export interface Recipient {
  /** The display name, cleaned: one line, no control characters; may be empty. */
  readonly name: string
  readonly address: string
}

/** Longer names are cut: a header line stays readable and well under the limits of mail servers. */
export const maxNameLength = 100

/**
 * The visitor's name and address as given in the form, made safe for a header: the name is
 * cleaned (see headerText), the address must be one sane address (no name, no list, no spaces, at
 * most 254 characters). Undefined when the address is not.
 */
export function recipientFrom(name: string, address: string): Recipient | undefined {
  const trimmed = address.trim()
  if (!isEmailAddress(trimmed)) return undefined
  // A name typed as an encoded word (`=?utf-8?Q?=0D=0A?=`) would reach mail programs decoded,
  // line breaks and all: broken apart, it stays the text the visitor typed.
  const plain = headerText(name, maxNameLength).replace(/=\?/g, '= ?')
  return Object.freeze({ name: plain, address: trimmed })
}

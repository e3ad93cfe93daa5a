import { randomBytes } from 'node:crypto'

// Crockford's base 32: no I, L, O or U, so a reference read out on the phone is not misheard.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A reference for the visitor to quote, e.g. PR-7KQ2-X9M4: 40 random bits, not a secret. */
export function newRequestReference(): string {
  // 256 is a multiple of 32, so each byte's low five bits pick a letter without bias.
  const letters = [...randomBytes(8)].map((byte) => alphabet[byte & 31]).join('')
  return `PR-${letters.slice(0, 4)}-${letters.slice(4)}`
}

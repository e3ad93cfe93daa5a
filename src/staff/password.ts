import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'
import { commonPasswords } from './common-passwords.js'

// scrypt is memory-hard: each guess costs 32 MiB as well as time (about 0.1 s here), so a
// stolen table of hashes is slow to attack even on graphics cards.
const cost = { N: 2 ** 15, r: 8, p: 1 } as const
const keyLength = 32
// scrypt needs 128·N·r bytes (32 MiB here); Node's default maxmem is exactly that and refuses.
const maxmem = 2 * 128 * cost.N * cost.r

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

/** A new hash: `scrypt$32768$8$1$<salt>$<hash>`, salt and hash in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, { ...cost, maxmem })
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')]
    .map(String)
    .join('$')
}

/** Whether a password matches a stored hash; a malformed hash matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$')
  if (scheme !== 'scrypt' || rest.length > 0 || !salt || !hash) return false
  const N = Number(n)
  const options = { N, r: Number(r), p: Number(p) }
  // Bounds, so that a damaged row cannot make one sign-in take minutes or gigabytes.
  if (!Number.isInteger(Math.log2(N)) || N > 2 ** 20 || options.r > 16 || options.p > 4) {
    return false
  }
  const expected = Buffer.from(hash, 'base64url')
  if (expected.length !== keyLength) return false
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    ...options,
    maxmem: 2 * 128 * N * options.r,
  })
  return timingSafeEqual(key, expected)
}

export const minPasswordLength = 12
export const maxPasswordLength = 200

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'email'

/** Why a password cannot be used, or undefined when it can. Length counts characters. */
export function passwordProblem(password: string, email: string): PasswordProblem | undefined {
  const length = [...password].length
  if (length < minPasswordLength) return 'too-short'
  if (length > maxPasswordLength) return 'too-long'
  const lower = password.trim().toLowerCase()
  if (commonPasswords.has(lower)) return 'common'
  const address = email.trim().toLowerCase()
  if (lower === address || lower === address.split('@')[0]) return 'email'
  return undefined
}

/** The problem in one English sentence, for the command line. */
export const passwordProblemText: Record<PasswordProblem, string> = {
  'too-short': `the password must be at least ${minPasswordLength} characters long`,
  'too-long': `the password must be at most ${maxPasswordLength} characters long`,
  common: 'the password is one of the most common passwords',
  email: 'the password must not be the email address or its first part',
}

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

// A confirmation mail must carry its link's token until it is sent, perhaps after a restart,
// yet no column may hold a token that opens a request. So the outbox keeps the token sealed
// (AES-256-GCM) with a key that lives in the configuration, never in the database.

/** The 32-byte key for sealing, derived from a configured secret of at least 32 characters. */
export function sealingKeyFrom(secret: string): Buffer {
  if (secret.length < 32) throw new Error('the sealing secret must have at least 32 characters')
  return Buffer.from(hkdfSync('sha256', secret, '', 'privacy-request mail outbox', 32))
}

/** Text encrypted and authenticated under the key: iv, tag and ciphertext, base64url. */
export function seal(text: string, key: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')
}

/** The text sealed; throws if it was sealed under another key or changed since. */
export function unseal(sealed: string, key: Buffer): string {
  const bytes = Buffer.from(sealed, 'base64url')
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12))
  decipher.setAuthTag(bytes.subarray(12, 28))
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
}

import { describe, expect, it } from 'vitest'
import { parseDatabaseUrl } from '../../src/config/database-url.js'
import { limitKey } from '../../src/store/limit-key.js'
import { newRequestReference } from '../../src/store/request-reference.js'
import { seal, sealingKeyFrom, unseal } from '../../src/store/sealed-payload.js'
import { newToken, sameHash, tokenHash } from '../../src/store/store-tokens.js'

describe('tokens, references and sealed payloads', () => {
  it('makes tokens of 256 random bits, URL-safe, and hashes them with SHA-256', () => {
    const tokens = new Set(Array.from({ length: 200 }, newToken))
    expect(tokens.size).toBe(200)
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(Buffer.from(token, 'base64url')).toHaveLength(32)
    }
    expect(tokenHash('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  it('compares hashes only when they are the same', () => {
    const hash = tokenHash(newToken())
    expect(sameHash(hash, hash)).toBe(true)
    expect(sameHash(hash, tokenHash(newToken()))).toBe(false)
    expect(sameHash(hash, hash.slice(0, 10))).toBe(false)
    expect(sameHash('', '')).toBe(false)
  })

  it('makes references a visitor can read out: PR-XXXX-XXXX without I, L, O or U', () => {
    for (let i = 0; i < 200; i++) {
      expect(newRequestReference()).toMatch(/^PR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    }
  })

  it('seals text that only the same key opens, and notices any change', () => {
    const key = sealingKeyFrom('a secret of more than thirty-two characters')
    const sealed = seal('{"confirmToken":"x"}', key)
    expect(sealed).not.toContain('confirmToken')
    expect(unseal(sealed, key)).toBe('{"confirmToken":"x"}')
    const other = sealingKeyFrom('another secret of more than thirty-two characters')
    expect(() => unseal(sealed, other)).toThrow()
    const changed = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`
    expect(() => unseal(changed, key)).toThrow()
    expect(() => sealingKeyFrom('too short')).toThrow(/32 characters/)
  })

  it('takes a PostgreSQL URL for DATABASE_URL, or nothing for SQLite', () => {
    expect(parseDatabaseUrl(undefined)).toBeUndefined()
    expect(parseDatabaseUrl('')).toBeUndefined()
    expect(parseDatabaseUrl('postgres://app@db:5432/personvern')).toBe(
      'postgres://app@db:5432/personvern',
    )
    expect(parseDatabaseUrl('postgresql://db/personvern')).toBe('postgresql://db/personvern')
    expect(() => parseDatabaseUrl('mysql://db/x')).toThrow(/postgres:\/\//)
    expect(() => parseDatabaseUrl('not a url')).toThrow(/DATABASE_URL/)
  })

  it('counts limits under keyed hashes, never the address itself', () => {
    const secret = Buffer.from('the counters are shared by every process', 'utf8')
    const client = limitKey('client', '203.0.113.7', secret)
    expect(client).toMatch(/^client:[A-Za-z0-9_-]{43}$/)
    expect(client).not.toContain('203.0.113.7')
    expect(limitKey('client', '203.0.113.7', secret)).toBe(client)
    expect(limitKey('client', '203.0.113.8', secret)).not.toBe(client)
    expect(limitKey('client', '203.0.113.7', Buffer.from('another secret'))).not.toBe(client)
    // One address however it is typed; and an address is never counted as a client.
    expect(limitKey('email', ' Kari@Example.NO', secret)).toBe(
      limitKey('email', 'kari@example.no', secret),
    )
    expect(limitKey('email', '203.0.113.7', secret).slice(6)).not.toBe(client.slice(7))
  })
})

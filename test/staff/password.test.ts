import { describe, expect, it } from 'vitest'
import { commonPasswords } from '../../src/staff/common-passwords.js'
import { hashPassword, passwordProblem, verifyPassword } from '../../src/staff/password.js'

describe('staff passwords', () => {
  it('hashes with scrypt N=2^15, r=8, p=1 and a 16-byte salt, and verifies', async () => {
    const hash = await hashPassword('lang og god passordfrase')
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/)
    expect(await verifyPassword('lang og god passordfrase', hash)).toBe(true)
    expect(await verifyPassword('lang og god passordfrasE', hash)).toBe(false)
    expect(await verifyPassword('', hash)).toBe(false)
  })

  it('salts each hash: the same password twice gives two hashes', async () => {
    const [a, b] = await Promise.all([
      hashPassword('samme passord her'),
      hashPassword('samme passord her'),
    ])
    expect(a).not.toBe(b)
  })

  it.each([
    ['', 'no hash'],
    ['bcrypt$x', 'another scheme'],
    ['scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA', 'a short hash'],
    [
      'scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'a huge cost',
    ],
    [
      'scrypt$3000$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'N not a power of 2',
    ],
  ])('matches nothing against a malformed hash %j (%s)', async (stored) => {
    expect(await verifyPassword('lang og god passordfrase', stored)).toBe(false)
  })

  it.each([
    ['kort', 'too-short'],
    ['elleve tegn', 'too-short'],
    ['x'.repeat(201), 'too-long'],
    ['passwordpassword', 'common'],
    ['PasswordPassword', 'common'],
    ['123456789012', 'common'],
    ['kari.nordmann@example.no', 'email'],
    ['KARI.NORDMANN', 'email'],
  ])('refuses %j: %s', (password, problem) => {
    expect(passwordProblem(password, 'Kari.Nordmann@example.no')).toBe(problem)
  })

  it.each(['tolv tegn ok', 'x'.repeat(200), 'æøå æøå æøå!'])('accepts %j', (password) => {
    expect(passwordProblem(password, 'kari@example.no')).toBe(undefined)
  })

  it('counts characters, not bytes', () => {
    expect(passwordProblem('æøåæøåæøåæø', 'kari@example.no')).toBe('too-short')
    expect(passwordProblem('æøåæøåæøåæøå', 'kari@example.no')).toBe(undefined)
  })

  it('embeds about 200 common passwords, lower-case', () => {
    expect(commonPasswords.size).toBeGreaterThanOrEqual(200)
    for (const password of commonPasswords) expect(password).toBe(password.toLowerCase())
  })
})

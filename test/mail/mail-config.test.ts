import { describe, expect, it } from 'vitest'
import { checkEnvironment } from '../../src/check/check-environment.js'
import { ConfigError } from '../../src/config/config-error.js'
import { loadConfig } from '../../src/config/environment.js'
import { developmentMailFrom, isEmailAddress } from '../../src/config/mail-environment.js'
import { mailConfigFrom } from '../../src/mail/mail-config.js'

const production = {
  NODE_ENV: 'production',
  BASE_URL: 'https://personvern.example.no',
  COOKIE_SECRET: 'a-production-secret-of-32-characters-or-more',
}

describe('mail configuration', () => {
  it('writes to the outbox in development, from a default sender, and starts as before', () => {
    const { config } = loadConfig({})
    expect(config.smtpUrl).toBeUndefined()
    expect(config.mailFrom).toBe(developmentMailFrom)
    expect(mailConfigFrom(config, '/tmp/outbox')).toEqual({
      kind: 'outbox',
      folder: '/tmp/outbox',
      from: developmentMailFrom,
    })
  })

  it('sends through SMTP_URL from MAIL_FROM', () => {
    const { config } = loadConfig({
      ...production,
      SMTP_URL: 'smtps://user:secret@mail.example.no',
      MAIL_FROM: 'Personvern <personvern@example.no>',
    })
    expect(mailConfigFrom(config)).toEqual({
      kind: 'smtp',
      smtpUrl: 'smtps://user:secret@mail.example.no',
      from: 'Personvern <personvern@example.no>',
    })
  })

  it('refuses production without SMTP_URL, in one line that names it', () => {
    const { config } = loadConfig(production)
    expect(() => mailConfigFrom(config)).toThrow(ConfigError)
    expect(() => mailConfigFrom(config)).toThrow(/^SMTP_URL is required in production: [^\n]+$/)
  })

  it.each([
    [{ SMTP_URL: 'smtp://[::1' }, 'SMTP_URL is not a valid address'],
    [{ SMTP_URL: 'http://mail.example.no' }, 'SMTP_URL must start with smtp:// or smtps://'],
    [{ SMTP_URL: 'smtp://' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://mail.example.no:587' }, 'MAIL_FROM is required with SMTP_URL'],
    [{ MAIL_FROM: 'personvern' }, 'MAIL_FROM "personvern" must be an email address'],
    [{ MAIL_FROM: 'a@example.no\r\nBcc: x@evil.test' }, 'MAIL_FROM "a@example.no??Bcc'],
  ])('%o stops with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('never repeats the SMTP password in a message', () => {
    expect(() => loadConfig({ SMTP_URL: 'ftp://user:hunter2@mail.example.no' })).toThrow(
      /^(?!.*hunter2)/,
    )
  })

  it('is checked by npm run check, each variable a finding', () => {
    const { findings } = checkEnvironment({ SMTP_URL: 'smtp:/', MAIL_FROM: 'nobody' })
    expect(findings.map((finding) => finding.file)).toEqual([
      '(environment) SMTP_URL',
      '(environment) MAIL_FROM',
    ])
  })

  it.each([
    ['kari.nordmann@example.no', true],
    ["o'brien+privacy@mail.example.co.uk", true],
    ['user@xn--bcher-kva.example', true],
    ['kari@localhost', false],
    ['kari nordmann@example.no', false],
    ['kari@@example.no', false],
    ['.kari@example.no', false],
    ['kari@-example.no', false],
    ['kari@example.no\r\nBcc: x@evil.test', false],
    ['"kari"@example.no', false],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.no`, true],
    [`${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.no`, false],
    [`${'a'.repeat(65)}@example.no`, false],
  ])('takes %s as an email address: %s', (address, valid) => {
    expect(isEmailAddress(address)).toBe(valid)
  })
})

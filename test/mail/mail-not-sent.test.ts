import { describe, expect, it } from 'vitest'
import { MailNotSent, mailNotSentFrom } from '../../src/mail/mail-not-sent.js'

const failure = (fields: Record<string, unknown>) =>
  Object.assign(new Error('the server said no'), fields)

describe('whether a failed email may be sent again later', () => {
  it.each([
    ['connection refused', { code: 'ECONNECTION' }, true],
    ['a timeout', { code: 'ETIMEDOUT' }, true],
    ['a dropped socket', { code: 'ESOCKET', originalCode: 'ECONNRESET' }, true],
    ['a name that does not resolve', { code: 'EDNS' }, true],
    ['421 service not available', { code: 'EENVELOPE', responseCode: 421 }, true],
    ['452 mailbox full for now', { code: 'EENVELOPE', responseCode: 452 }, true],
    ['535 wrong login', { code: 'EAUTH', responseCode: 535 }, false],
    ['550 no such mailbox', { code: 'EENVELOPE', responseCode: 550 }, false],
    ['554 refused as spam', { code: 'EMESSAGE', responseCode: 554 }, false],
    ['a certificate that fails', { code: 'ESOCKET', originalCode: 'CERT_HAS_EXPIRED' }, false],
    ['a mistake in the message', { code: 'EMESSAGE' }, false],
    ['an error with no code', {}, false],
  ])('%s: retryable %s', (_what, fields, retryable) => {
    const error = mailNotSentFrom(failure(fields))
    expect(error).toBeInstanceOf(MailNotSent)
    expect(error.retryable).toBe(retryable)
    expect(error.message).toMatch(/^mail not sent: the server said no/)
    expect(error.cause).toBeInstanceOf(Error)
  })
})

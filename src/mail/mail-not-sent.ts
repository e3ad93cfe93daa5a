/** Why an email did not leave, and whether sending it again later may work. */
export class MailNotSent extends Error {
  override name = 'MailNotSent'
  /** True when the same email may go through later: the server was down, slow or busy (4xx). */
  readonly retryable: boolean
  /** The code nodemailer or the system gave (`ECONNECTION`, `ETIMEDOUT`, `EENVELOPE`, …). */
  readonly code: string | undefined
  /** The mail server's reply code, such as 421 or 550, when it answered. */
  readonly responseCode: number | undefined

  constructor(
    reason: string,
    details: { retryable: boolean; code?: string; responseCode?: number; cause?: unknown },
  ) {
    super(reason, { cause: details.cause })
    this.retryable = details.retryable
    this.code = details.code
    this.responseCode = details.responseCode
  }
}

/** Failures of the connection, not of the email: the server was unreachable, silent or gone. */
const passingCodes = new Set([
  'ECONNECTION',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOSPC',
  'EMFILE',
  'EBUSY',
])

/** TLS refused the server's certificate (self-signed, expired, another name): configuration. */
const certificateProblem = /CERT|SELF_SIGNED|ALTNAME|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/

/**
 * The error of a failed send as MailNotSent: a 4xx reply or a failed connection may pass
 * (retryable); a 5xx reply (the server refused the email or the login) or a certificate that
 * fails never will.
 */
export function mailNotSentFrom(error: unknown): MailNotSent {
  if (error instanceof MailNotSent) return error
  const failure = error as {
    message?: unknown
    code?: unknown
    originalCode?: unknown
    responseCode?: unknown
  }
  const code = typeof failure?.code === 'string' ? failure.code : undefined
  // nodemailer keeps the system's code (a TLS error's) apart from its own ESOCKET.
  const cause = typeof failure?.originalCode === 'string' ? failure.originalCode : ''
  const responseCode = typeof failure?.responseCode === 'number' ? failure.responseCode : undefined
  const retryable =
    responseCode !== undefined
      ? responseCode >= 400 && responseCode < 500
      : code !== undefined && passingCodes.has(code) && !certificateProblem.test(cause)
  const message = typeof failure?.message === 'string' ? failure.message : String(error)
  const details = [code, responseCode].filter((part) => part !== undefined).join(' ')
  return new MailNotSent(`mail not sent: ${message}${details ? ` (${details})` : ''}`, {
    retryable,
    ...(code === undefined ? {} : { code }),
    ...(responseCode === undefined ? {} : { responseCode }),
    cause: error,
  })
}

import nodemailer, { type Transporter } from 'nodemailer'
import type { Logger } from '../log/logger.js'
import type { MailConfig } from './mail-config.js'
import { outboxTransport } from './outbox-transport.js'

/** Where emails go and whom they are from; made once, at start, from the mail configuration. */
export interface Mailer {
  readonly kind: MailConfig['kind']
  readonly from: string
  /** Either transport answers with at least the Message-ID. */
  readonly transporter: Transporter<{ readonly messageId: string }>
}

/** How long to wait for the mail server: a visitor's request must not hang on it for minutes. */
export interface MailTimeouts {
  /** To connect. */
  readonly connectMs: number
  /** For the server's greeting once connected. */
  readonly greetingMs: number
  /** For any answer later, while sending. */
  readonly idleMs: number
}

export const defaultMailTimeouts: MailTimeouts = {
  connectMs: 10_000,
  greetingMs: 10_000,
  idleMs: 30_000,
}

/**
 * A mailer for the configuration: through the SMTP server of SMTP_URL (`smtps://` with TLS from
 * the start, `smtp://` with STARTTLS when the server offers it), or into the outbox folder. The
 * emails never read files or fetch addresses (no attachments by path or URL).
 */
export function createMailer(
  mail: MailConfig,
  logger: Logger,
  timeouts: MailTimeouts = defaultMailTimeouts,
): Mailer {
  const safety = { disableFileAccess: true, disableUrlAccess: true }
  const transporter: Transporter<{ readonly messageId: string }> =
    mail.kind === 'smtp'
      ? nodemailer.createTransport({
          url: mail.smtpUrl,
          connectionTimeout: timeouts.connectMs,
          greetingTimeout: timeouts.greetingMs,
          socketTimeout: timeouts.idleMs,
          ...safety,
        })
      : nodemailer.createTransport(outboxTransport(mail.folder, logger), safety)
  return Object.freeze({ kind: mail.kind, from: mail.from, transporter })
}

import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Transport } from 'nodemailer'
import type MailMessage from 'nodemailer/lib/mailer/mail-message.js'
import type { Logger } from '../log/logger.js'

/** What a send to the outbox tells: where the email was written. */
export interface OutboxInfo {
  readonly messageId: string
  readonly file: string
}

/** A file name from the time and a random id, never from anything in the email. */
export function outboxFileName(now: Date = new Date()): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(8).toString('hex')}.eml`
}

/**
 * A nodemailer transport that writes each email, as a mail server would receive it (RFC 5322),
 * to a `.eml` file in `folder` (made when missing), and logs where: development and tests read
 * their mail there.
 */
export function outboxTransport(folder: string, logger: Logger): Transport<OutboxInfo> {
  return {
    name: 'outbox',
    version: '1',
    send(mail: MailMessage<OutboxInfo>, done: (error: Error | null, info: OutboxInfo) => void) {
      mail.message.build((buildError, message) => {
        if (buildError) return done(buildError, undefined as never)
        const file = path.join(folder, outboxFileName())
        mkdir(folder, { recursive: true })
          .then(() => writeFile(file, message, { flag: 'wx' }))
          .then(() => {
            logger.info('mail written to the outbox', { file })
            done(null, { messageId: mail.message.messageId(), file })
          })
          .catch((error: Error) => done(error, undefined as never))
      })
    },
  }
}

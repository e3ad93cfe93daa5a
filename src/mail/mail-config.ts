import path from 'node:path'
import { ConfigError } from '../config/config-error.js'
import type { Config } from '../config/environment.js'
import { packageRoot } from '../config/paths.js'

/** Where the emails to visitors go: a mail server, or (outside production) a folder of `.eml` files. */
export type MailConfig =
  | { readonly kind: 'smtp'; readonly smtpUrl: string; readonly from: string }
  | { readonly kind: 'outbox'; readonly folder: string; readonly from: string }

/** The outbox of development and tests: one `.eml` file per email, opened with any mail program. */
export const defaultOutboxFolder = path.join(packageRoot, 'data', 'outbox')

/**
 * How mail is sent with this environment. In production without SMTP_URL it throws a ConfigError
 * naming SMTP_URL, which the server start shows as its one line: visitors would never get their
 * confirmation link.
 */
export function mailConfigFrom(
  config: Pick<Config, 'env' | 'smtpUrl' | 'mailFrom'>,
  outboxFolder: string = defaultOutboxFolder,
): MailConfig {
  if (config.smtpUrl !== undefined) {
    return Object.freeze({ kind: 'smtp', smtpUrl: config.smtpUrl, from: config.mailFrom })
  }
  if (config.env === 'production') {
    throw new ConfigError(
      'SMTP_URL is required in production: the mail server for the emails to visitors, such as smtp://user:password@mail.example.no:587',
    )
  }
  return Object.freeze({ kind: 'outbox', folder: outboxFolder, from: config.mailFrom })
}

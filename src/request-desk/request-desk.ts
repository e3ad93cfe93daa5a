import path from 'node:path'
import type { ServedSite } from '../build/served-site.js'
import type { Config } from '../config/environment.js'
import type { Logger } from '../log/logger.js'
import { type MailConfig, mailConfigFrom } from '../mail/mail-config.js'
import { createMailer, type MailTimeouts } from '../mail/mailer.js'
import { openRequestRecords, type RequestRecords } from '../requests/request-records.js'
import { dailyRetention } from '../requests/retention-job.js'
import { type OutboxSender, outboxSender } from './outbox-sender.js'
import { requestPagesFor } from './request-pages.js'

/**
 * Where privacy requests are kept and their emails sent from: the records' database, the
 * outbox sender and the daily retention, opened on first use (at start when the form is on,
 * or when a reload turns it on) and closed at shutdown.
 */
export interface RequestDesk {
  records(): Promise<RequestRecords>
  /** A mail was queued: send it now rather than at the next round. */
  mailQueued(): void
  /** The outbox sender, once open (tests send the due mails themselves). */
  outbox(): Promise<OutboxSender>
  close(): Promise<void>
}

export interface RequestDeskOptions {
  readonly config: Config
  readonly current: () => ServedSite
  readonly logger: Logger
  /** Tests: a SQLite file of their own, an outbox folder or SMTP server of their own. */
  readonly sqlitePath?: string
  readonly mail?: MailConfig
  readonly mailTimeouts?: MailTimeouts
  readonly outboxIntervalMs?: number
  /** Tests: the clock the outbox sends by, to reach a retry's time without waiting for it. */
  readonly now?: () => Date
}

export function requestDesk(options: RequestDeskOptions): RequestDesk {
  const { config, current, logger } = options
  // Checked before anything opens: production without a mail server does not start.
  const mail = options.mail ?? mailConfigFrom(config, path.join(config.dataDir, 'outbox'))
  let opened: Promise<{ records: RequestRecords; sender: OutboxSender; stop(): void }> | undefined

  const open = () => {
    opened ??= openRequestRecords(config, {
      sqlitePath: options.sqlitePath ?? path.join(config.dataDir, 'requests.sqlite'),
    }).then((records) => {
      const sender = outboxSender({
        records,
        mailer: createMailer(mail, logger, options.mailTimeouts),
        pages: () => requestPagesFor(current()),
        origin: config.baseUrl,
        logger,
        ...(options.outboxIntervalMs ? { intervalMs: options.outboxIntervalMs } : {}),
        ...(options.now ? { now: options.now } : {}),
      })
      const retention = dailyRetention({
        records,
        retentionMonths: () => current().requests?.retentionMonths,
        logger,
      })
      // Mails queued before a restart, or by another process, go out now.
      sender.kick()
      return { records, sender, stop: retention.stop }
    })
    // A failed open (the database was down) is tried again by the next request.
    opened.catch(() => {
      opened = undefined
    })
    return opened
  }

  return {
    records: async () => (await open()).records,
    outbox: async () => (await open()).sender,
    mailQueued() {
      void open().then(
        ({ sender }) => sender.kick(),
        () => undefined,
      )
    },
    async close() {
      if (!opened) return
      const { records, sender, stop } = await opened.catch(() => ({
        records: undefined,
        sender: undefined,
        stop: () => {},
      }))
      stop()
      await sender?.stop()
      await records?.store.close()
    },
  }
}

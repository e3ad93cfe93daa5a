import type { Logger } from '../log/logger.js'
import { composeMail } from '../mail/compose-mail.js'
import { MailNotSent } from '../mail/mail-not-sent.js'
import type { Mailer } from '../mail/mailer.js'
import { sendMail } from '../mail/send-mail.js'
import { mailInputOf } from '../requests/queued-mail.js'
import type { RequestRecords } from '../requests/request-records.js'
import { markAbandoned, markFailed, markSent, nextDueMails } from '../store/mail-outbox.js'
import type { RequestPages } from './request-pages.js'

/** How often the outbox is looked at besides right after a request: for retries, and other processes' mails. */
export const outboxIntervalMs = 15_000

// One mail claimed at a time: a claim (sendingLeaseMs) must not run out while earlier mails of
// the same claim wait on a slow mail server, or another process would send it too.
const batchSize = 1

export interface OutboxSender {
  /** Sends what is due now, soon; a call while sending makes one more round after it. */
  kick(): void
  /** Waits for the round in progress, then sends every mail due now. */
  sendDue(): Promise<number>
  /** Stops looking; resolves when the round in progress has ended. */
  stop(): Promise<void>
}

/**
 * Sends the mails queued in the store, in the visitor's language. A failure that may pass is
 * tried again later with back-off (markFailed), from the store, so a restart loses nothing; one
 * that never will is given up and logged. The outbox, not this process, is the record.
 */
export function outboxSender(deps: {
  readonly records: RequestRecords
  readonly mailer: Mailer
  /** The request pages of the build in force: their texts, languages and sender. */
  readonly pages: () => Promise<RequestPages> | undefined
  readonly origin: string
  readonly logger: Logger
  readonly now?: () => Date
  readonly intervalMs?: number
}): OutboxSender {
  const { records, mailer, logger } = deps
  const db = records.store.db
  const now = deps.now ?? (() => new Date())
  let round: Promise<number> | undefined
  let again = false
  let stopped = false

  async function sendOne(mail: Awaited<ReturnType<typeof nextDueMails>>[number]): Promise<boolean> {
    const pages = await deps.pages()
    if (!pages) return false
    const languages = [...pages.kit.frames.keys()]
    const lng = languages.includes(mail.language) ? mail.language : (languages[0] ?? 'nb')
    try {
      const input = await mailInputOf(db, mail, {
        origin: deps.origin,
        lng,
        sealingKey: records.sealingKey,
      })
      if (!input) {
        await markSent(db, mail.id, now())
        return false
      }
      const composed = composeMail(
        pages.translator(lng),
        { origin: deps.origin, sender: pages.kit.sender },
        input,
      )
      await sendMail(mailer, { to: { name: input.name, address: mail.recipient }, mail: composed })
      await markSent(db, mail.id, now())
      logger.info('mail sent', {
        template: mail.template,
        language: lng,
        attempts: mail.attempts + 1,
      })
      return true
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      // Only the mail server's refusal for good gives a mail up: anything else (the server
      // away, the database a moment away) is tried again, or the visitor never gets the link.
      if (error instanceof MailNotSent && !error.retryable) {
        await markAbandoned(db, mail.id, reason)
        logger.error('mail not sent and given up', { template: mail.template, reason })
      } else {
        const next = await markFailed(db, mail.id, reason, now())
        const log = error instanceof MailNotSent ? logger.warn : logger.error
        log.call(logger, 'mail not sent: trying again later', {
          template: mail.template,
          reason,
          nextAttemptAt: next.toISOString(),
        })
      }
      return false
    }
  }

  async function drain(): Promise<number> {
    let sent = 0
    for (;;) {
      const due = await nextDueMails(db, now(), batchSize)
      for (const mail of due) if (await sendOne(mail)) sent++
      if (due.length < batchSize || stopped) return sent
    }
  }

  function kick(): void {
    if (stopped) return
    if (round) {
      again = true
      return
    }
    round = drain()
      .catch((error: unknown) => {
        // The database was away: the mails stay queued and the next round tries again.
        logger.error('the outbox could not be read', {
          error: error instanceof Error ? error.message : String(error),
        })
        return 0
      })
      .finally(() => {
        round = undefined
        if (again) {
          again = false
          kick()
        }
      })
  }

  const timer = setInterval(kick, deps.intervalMs ?? outboxIntervalMs)
  timer.unref()
  return {
    kick,
    // After the round in progress, which may hold mails claimed a moment ago.
    sendDue: async () => {
      await round
      return drain()
    },
    async stop() {
      stopped = true
      clearInterval(timer)
      await round
    },
  }
}

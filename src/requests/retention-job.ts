import type { Logger } from '../log/logger.js'
import { deleteExpiredSessions } from '../staff/staff-sessions.js'
import { deleteLimitsBefore } from '../store/request-limits.js'
import { deleteClosedOlderThan, deleteUnconfirmedOlderThan } from '../store/retention.js'
import type { RequestRecords } from './request-records.js'

const dayMs = 86_400_000

export interface RetentionRun {
  readonly unconfirmed: number
  readonly closed: number
  readonly limits: number
  /** Staff sessions past their idle or absolute end. */
  readonly staffSessions: number
}

/**
 * Deletes what may no longer be kept: requests unconfirmed for 7 days, requests closed longer
 * ago than the configured months (with their messages and mails), and limit counters of past
 * windows, and staff sessions that have ended. Counts are logged; no contents.
 */
export async function applyRetention(
  records: RequestRecords,
  retentionMonths: number,
  now: Date,
): Promise<RetentionRun> {
  const { db } = records.store
  return {
    unconfirmed: await deleteUnconfirmedOlderThan(db, now),
    closed: await deleteClosedOlderThan(db, now, retentionMonths),
    limits: await deleteLimitsBefore(db, new Date(now.getTime() - dayMs)),
    staffSessions: await deleteExpiredSessions(db, now),
  }
}

/** Runs the retention now and then once a day, with the months of the build in force. */
export function dailyRetention(deps: {
  readonly records: RequestRecords
  readonly retentionMonths: () => number | undefined
  readonly logger: Logger
}): { stop(): void } {
  const run = () => {
    const months = deps.retentionMonths()
    if (months === undefined) return
    applyRetention(deps.records, months, new Date()).then(
      (deleted) => deps.logger.info('retention applied', { ...deleted, retentionMonths: months }),
      (error: unknown) =>
        deps.logger.error('retention could not be applied: trying again tomorrow', {
          error: error instanceof Error ? error.message : String(error),
        }),
    )
  }
  run()
  const timer = setInterval(run, dayMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}

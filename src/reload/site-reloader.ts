import {
  buildSite,
  ContentRejected,
  rebuildAt,
  type SiteBuild,
  type SiteSources,
} from '../build/build-site.js'
import { formatFinding } from '../check/findings.js'
import { ConfigError } from '../config/config-error.js'
import type { Config } from '../config/environment.js'
import { type NoticeState, noticeState } from '../content/version-index.js'
import type { Logger } from '../log/logger.js'
import { debounce } from './debounce.js'
import { serialQueue } from './serial-queue.js'
import { timerAt } from './timer-at.js'
import { type ContentWatch, watchContent } from './watch-content.js'

/** What the readiness endpoint tells: what is being served, and how the last reload went. */
export interface Readiness {
  readonly status: 'ready'
  readonly contentLoadedAt: string
  /** The version of the notice in force, and the next one announced. */
  readonly notice: NoticeState
  readonly lastReload: {
    readonly at: string
    readonly reason: string
    readonly applied: boolean
    /** The checker's findings (or the build error) that kept a reload from being applied. */
    readonly errors: readonly string[]
  } | null
}

export interface SiteReloader {
  /** The build in force: always a complete one, swapped whole. */
  current(): SiteBuild
  /** Reads, checks and builds everything from the files; applies it only when it is all good. */
  reload(reason: string): Promise<boolean>
  readiness(): Readiness
  /** Starts watching the locale files and the site configuration; a save is applied within a second. */
  watch(): void
  /** When the next announced version takes effect, and the site is rebuilt; none if there is none. */
  nextChangeAt(): Date | undefined
  close(): void
}

const debounceMs = 150
const retryMs = 60_000

/** Why a build was not applied, in lines for the readiness endpoint and the log. */
function reasonsOf(error: unknown): string[] {
  if (error instanceof ContentRejected) return error.errors.map(formatFinding)
  return [error instanceof Error ? error.message : String(error)]
}

/**
 * Keeps the site in force: rebuilds on a saved change, on SIGHUP or daily, swaps in only a build
 * that is good, and switches to an announced version at its time.
 */
export function createSiteReloader(options: {
  config: Config
  sources: SiteSources
  initial: SiteBuild
  logger: Logger
  /** The time, for deciding which version of the notice is in force; tests set it. */
  clock?: () => Date
}): SiteReloader {
  const { config, sources, logger } = options
  const clock = options.clock ?? (() => new Date())
  let current = options.initial
  let contentLoadedAt = new Date().toISOString()
  let lastReload: Readiness['lastReload'] = null
  let closed = false
  let versionTimer: { cancel(): void } | undefined
  let watching: ContentWatch | undefined
  const queue = serialQueue((error) =>
    logger.error('content reload failed', { error: String((error as Error)?.stack ?? error) }),
  )

  const apply = (site: SiteBuild, at: string, reason: string) => {
    current = site
    contentLoadedAt = at
    lastReload = { at, reason, applied: true, errors: [] }
    scheduleNextVersion()
  }

  /** A version announced for a later date comes into force at its start, without a restart. */
  const scheduleNextVersion = () => {
    versionTimer?.cancel()
    const at = current.content.timeline.nextChangeAt
    if (at && !closed) versionTimer = timerAt(at, clock, () => void switchVersion())
  }

  // The build in force rendered again for that moment, from the content it was made from.
  const switchVersion = () =>
    queue
      .run(async () => {
        const now = clock()
        const reason = 'a new version of the notice takes effect'
        apply(await rebuildAt(config, current, sources, now), now.toISOString(), reason)
        logger.info('content reloaded', { reason, inForce: current.content.timeline.inForce.id })
      })
      .catch((error: unknown) => {
        // Never expected (no file is read), but the switch must not be lost: try again shortly.
        logger.error('switching to the new version failed: trying again in a minute', {
          error: String((error as Error).stack ?? error),
        })
        if (!closed)
          versionTimer = timerAt(new Date(clock().getTime() + retryMs), clock, switchVersion)
      })

  const attempt = async (reason: string): Promise<boolean> => {
    const at = new Date().toISOString()
    try {
      apply(await buildSite(config, sources, clock()), at, reason)
    } catch (error) {
      // Whatever went wrong, the last good build stays and readiness says why.
      if (!(error instanceof ConfigError))
        logger.error('content reload failed', { error: String((error as Error).stack ?? error) })
      const errors = reasonsOf(error)
      lastReload = { at, reason, applied: false, errors }
      logger.error('content reload rejected: still serving the last good content', {
        reason,
        errors,
      })
      return false
    }
    logger.info('content reloaded', { reason, warnings: current.warnings.length })
    return true
  }

  const reload = (reason: string) => queue.run(() => attempt(reason))
  const saved = debounce(debounceMs, (reason) => void reload(reason).catch(() => undefined))

  scheduleNextVersion()
  return {
    current: () => current,
    nextChangeAt: () => current.content.timeline.nextChangeAt,
    reload,
    readiness: () => ({
      status: 'ready',
      contentLoadedAt,
      notice: noticeState(current.content.timeline),
      lastReload,
    }),
    watch() {
      watching ??= watchContent({
        localesDir: sources.localesDir,
        siteConfigPath: config.siteConfigPath,
        onChange: saved.call,
        onError: (dir, message) =>
          logger.error('cannot watch content folder', { dir, error: message }),
      })
    },
    close() {
      closed = true
      saved.cancel()
      versionTimer?.cancel()
      watching?.close()
    },
  }
}

import { ContentRejected } from '../build/content-rejected.js'
import type { ServedSite } from '../build/served-site.js'
import type { SiteBuilder } from '../build/site-builder.js'
import { formatFinding } from '../check/findings.js'
import { ConfigError } from '../config/config-error.js'
import type { Config } from '../config/environment.js'
import { withoutInstallPath } from '../config/paths.js'
import type { Logger } from '../log/logger.js'
import { debounce } from './debounce.js'
import { serialQueue } from './serial-queue.js'
import { type Degraded, type Readiness, siteInForce } from './site-in-force.js'
import { versionSwitch } from './version-switch.js'
import { type ContentWatch, watchContent } from './watch-content.js'

export type { Readiness } from './site-in-force.js'

export interface SiteReloader {
  /** The build in force: always a complete one, swapped whole. */
  current(): ServedSite
  /** Reads, checks and builds everything from the files; applies it only when it is all good. */
  reload(reason: string): Promise<boolean>
  readiness(): Readiness
  /** Starts watching the locale files and the site configuration; a save is applied within a second. */
  watch(): void
  /** When the next announced version takes effect, and the site is rebuilt; none if there is none. */
  nextChangeAt(): Date | undefined
  /** Stops watching and building; resolves when the builder has stopped. */
  close(): Promise<void>
}

const debounceMs = 150
const stackOf = (error: unknown) => String((error as Error)?.stack ?? error)

/** Why a build was not applied, in lines for the readiness endpoint and the log. */
function reasonsOf(error: unknown): string[] {
  if (error instanceof ContentRejected) return error.errors.map(formatFinding)
  return [withoutInstallPath(error instanceof Error ? error.message : String(error))]
}

/** Errors in the notice being written are told, though they hold nothing back. */
export function logDraftErrors(logger: Logger, site: ServedSite): void {
  logger.warn(
    'the notice being written (draft.json) has errors: the live pages are not affected, but npm run publish refuses until they are fixed',
    { errors: site.draftErrors.map(formatFinding) },
  )
}

/**
 * One reload: a build from the files as they are now swaps in when it is good; otherwise the
 * last good build stays, and readiness and the log say why.
 */
async function reloadFromFiles(
  deps: {
    readonly builder: SiteBuilder
    readonly logger: Logger
    readonly site: ReturnType<typeof siteInForce>
    readonly swap: (next: ServedSite, at: string, reason: string) => void
  },
  now: Date,
  reason: string,
): Promise<boolean> {
  const { logger } = deps
  const at = new Date().toISOString()
  try {
    const next = await deps.builder.build(now)
    deps.swap(next, at, reason)
    logger.info('content reloaded', { reason, warnings: next.warnings.length })
    if (next.draftErrors.length > 0) logDraftErrors(logger, next)
    return true
  } catch (error) {
    if (!(error instanceof ConfigError))
      logger.error('content reload failed', { error: stackOf(error) })
    const errors = reasonsOf(error)
    deps.site.refuse(at, reason, errors)
    logger.error('content reload rejected: still serving the last good content', { reason, errors })
    return false
  }
}

function watchFor(
  config: Config,
  localesDir: string,
  onChange: (files: readonly string[]) => void,
  logger: Logger,
): ContentWatch {
  return watchContent({
    localesDir,
    siteConfigPath: config.siteConfigPath,
    onChange,
    onError: (dir, message) => logger.error('cannot watch content folder', { dir, error: message }),
  })
}

/**
 * Keeps the site in force: rebuilds on a saved change, on SIGHUP or daily, swaps in only a build
 * that is good, and switches to an announced version at its time. One build at a time, in order.
 */
export function createSiteReloader(options: {
  config: Config
  /** Builds the site: on a thread of its own in the server (build-thread.ts). */
  builder: SiteBuilder
  /** The locale folder watched for saves (the site configuration is named by `config`). */
  localesDir: string
  initial: ServedSite
  logger: Logger
  /** The time, for deciding which version of the notice is in force; tests set it. */
  clock?: () => Date
  /** Set when the process started on the last good content because the files have errors. */
  degraded?: Degraded
}): SiteReloader {
  const { config, builder, logger } = options
  const clock = options.clock ?? (() => new Date())
  const site = siteInForce(options.initial, options.degraded)
  const queue = serialQueue((error) =>
    logger.error('content reload failed', { error: stackOf(error) }),
  )
  let watching: ContentWatch | undefined

  const swap = (
    next: ServedSite,
    at: string,
    reason: string,
    applied: ReadonlyMap<string, number> = new Map(),
  ) => {
    site.swap(next, at, reason, applied)
    versions.schedule(next.nextChangeAt)
  }
  // The build in force rendered again for that moment, from the content it was made from.
  const versions = versionSwitch({
    clock,
    logger,
    inTurn: (task) => queue.run(task),
    switchTo: async (now) => {
      const reason = 'a new version of the notice takes effect'
      swap(await builder.rebuildAt(now), now.toISOString(), reason)
      logger.info('content reloaded', { reason, inForce: site.current().notice.inForce })
    },
  })

  // A reload still waiting for its turn reads the files when it starts: it serves every later
  // request for one (a storm of SIGHUPs or saves is one or two builds, not one each).
  let waiting: Promise<boolean> | undefined
  const reload = (reason: string) => {
    waiting ??= queue.run(() => {
      waiting = undefined
      const applying = site.pendingSaves()
      return reloadFromFiles(
        { builder, logger, site, swap: (next, at) => swap(next, at, reason, applying) },
        clock(),
        reason,
      )
    })
    return waiting
  }
  const saved = debounce(debounceMs, (reason) => void reload(reason).catch(() => undefined))
  const onSave = (files: readonly string[]) => {
    site.saw(files)
    saved.call(`changed ${site.unappliedFiles().join(', ')}`)
  }
  versions.schedule(options.initial.nextChangeAt)
  return {
    current: site.current,
    nextChangeAt: () => site.current().nextChangeAt,
    reload,
    readiness: site.readiness,
    watch() {
      watching ??= watchFor(config, options.localesDir, onSave, logger)
    },
    async close() {
      saved.cancel()
      versions.close()
      watching?.close()
      await builder.close()
    },
  }
}

import { type FSWatcher, watch } from 'node:fs'
import path from 'node:path'
import { checkContent } from './check/check-content.js'
import { formatFinding } from './check/findings.js'
import type { Config } from './config.js'
import { ConfigError } from './config-error.js'
import { type NoticeState, noticeState } from './content/version-index.js'
import type { Logger } from './logger.js'
import { buildSite, rebuildAt, type SiteBuild, type SiteSources } from './render/build-site.js'
import { loadSiteConfig } from './site-config.js'

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
  /** Checks and rebuilds everything from the files; applies it only when it is all good. */
  reload(reason: string): Promise<boolean>
  readiness(): Readiness
  /** Starts watching the locale and configuration folders; a save is applied within a second. */
  watch(): void
  /** When the next announced version takes effect, and the site is rebuilt; none if there is none. */
  nextChangeAt(): Date | undefined
  close(): void
}

const debounceMs = 150
/** The longest delay a Node.js timer takes (about 24.8 days); a longer wait is taken in steps. */
const longestTimerMs = 2 ** 31 - 1
const retryMs = 60_000

export function createSiteReloader(options: {
  config: Config
  sources: SiteSources
  initial: SiteBuild
  logger: Logger
  env: NodeJS.ProcessEnv
  /** The time, for deciding which version of the notice is in force; tests set it. */
  clock?: () => Date
}): SiteReloader {
  const { config, sources, logger } = options
  const clock = options.clock ?? (() => new Date())
  let current = options.initial
  let contentLoadedAt = new Date().toISOString()
  let lastReload: Readiness['lastReload'] = null
  let queue: Promise<unknown> = Promise.resolve()
  let timer: NodeJS.Timeout | undefined
  let versionTimer: NodeJS.Timeout | undefined
  let closed = false
  const watchers: FSWatcher[] = []

  /**
   * A version announced for a later date comes into force at its start, without a restart: the
   * build in force is rendered again for that moment, from the content it was made from.
   */
  const scheduleNextVersion = () => {
    clearTimeout(versionTimer)
    const at = current.content.timeline.nextChangeAt
    if (!at || closed) return
    const wait = (delay: number) => {
      versionTimer = setTimeout(
        () => {
          if (clock().getTime() < at.getTime()) wait(at.getTime() - clock().getTime())
          else void switchVersion()
        },
        Math.min(Math.max(delay, 0), longestTimerMs),
      )
      versionTimer.unref()
    }
    wait(at.getTime() - clock().getTime())
  }

  const switchVersion = async () => {
    const reason = 'a new version of the notice takes effect'
    const next = queue.then(async () => {
      const now = clock()
      const site = await rebuildAt(config, current, sources, now)
      current = site
      contentLoadedAt = now.toISOString()
      lastReload = { at: contentLoadedAt, reason, applied: true, errors: [] }
      logger.info('content reloaded', {
        reason,
        inForce: site.content.timeline.inForce.id,
      })
      scheduleNextVersion()
    })
    queue = next.catch((error: unknown) => {
      // Never expected (no content or template file is read), but the switch must not be lost: try again shortly.
      logger.error('switching to the new version failed: trying again in a minute', {
        error: String((error as Error).stack ?? error),
      })
      clearTimeout(versionTimer)
      if (closed) return
      versionTimer = setTimeout(() => void switchVersion(), retryMs)
      versionTimer.unref()
    })
    await queue
  }

  const attempt = async (reason: string): Promise<boolean> => {
    const at = new Date().toISOString()
    const reject = (errors: string[]) => {
      lastReload = { at, reason, applied: false, errors }
      logger.error('content reload rejected: still serving the last good content', {
        reason,
        errors,
      })
      return false
    }
    const check = checkContent({
      localesDir: sources.localesDir,
      siteConfigPath: config.siteConfigPath,
      env: options.env,
    })
    if (check.errors.length > 0) return reject(check.errors.map(formatFinding))
    let next: SiteBuild
    try {
      const site = loadSiteConfig(config.siteConfigPath)
      next = await buildSite({ ...config, site }, sources, clock())
    } catch (error) {
      // Whatever went wrong, the last good build stays and readiness says why.
      if (!(error instanceof ConfigError))
        logger.error('content reload failed', { error: String((error as Error).stack ?? error) })
      return reject([error instanceof Error ? error.message : String(error)])
    }
    current = next
    scheduleNextVersion()
    contentLoadedAt = at
    lastReload = { at, reason, applied: true, errors: [] }
    logger.info('content reloaded', { reason, warnings: next.warnings.length })
    return true
  }

  const reload = (reason: string): Promise<boolean> => {
    // One reload at a time, in order: each sees the files as they are when it starts.
    const next = queue.then(() => attempt(reason))
    queue = next.catch((error: unknown) => {
      logger.error('content reload failed', { reason, error: String(error) })
    })
    return next
  }

  const schedule = (reason: string) => {
    clearTimeout(timer)
    timer = setTimeout(() => void reload(reason).catch(() => undefined), debounceMs)
  }

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
      // Folders, not files: editors save by writing a new file and renaming it over the old.
      const configFile = path.basename(config.siteConfigPath)
      const targets: [string, (file: string) => boolean][] = [
        [sources.localesDir, (file) => file.endsWith('.json')],
        [path.dirname(config.siteConfigPath), (file) => file === configFile],
      ]
      for (const [dir, relevant] of targets) {
        const watcher = watch(dir, { recursive: true }, (_event, file) => {
          if (file && relevant(path.basename(file.toString()))) schedule(`changed ${file}`)
        })
        watcher.on('error', (error) =>
          logger.error('cannot watch content folder', { dir, error: error.message }),
        )
        watchers.push(watcher)
      }
    },
    close() {
      closed = true
      clearTimeout(timer)
      clearTimeout(versionTimer)
      for (const watcher of watchers.splice(0)) watcher.close()
    },
  }
}

import type { Logger } from '../log/logger.js'
import { timerAt } from './timer-at.js'

const retryMs = 60_000

/**
 * Switches the site to an announced version when it takes effect: `switchTo` renders the build
 * in force again for that moment. A failed switch (never expected: no file is read) is tried
 * again a minute later, so that it is never lost.
 */
export function versionSwitch(options: {
  readonly clock: () => Date
  readonly logger: Logger
  /** Runs a task in turn with the reloads. */
  readonly inTurn: (task: () => Promise<void>) => Promise<void>
  readonly switchTo: (now: Date) => Promise<void>
}) {
  const { clock, logger } = options
  let timer: { cancel(): void } | undefined
  let closed = false
  let retry: NodeJS.Timeout | undefined
  const fire = () =>
    void options.inTurn(async () => {
      try {
        await options.switchTo(clock())
      } catch (error) {
        logger.error('switching to the new version failed: trying again in a minute', {
          error: String((error as Error)?.stack ?? error),
        })
        if (!closed) retry = setTimeout(fire, retryMs).unref()
      }
    })
  return {
    /** When the next version takes effect; none, when none is announced. */
    schedule(at: Date | undefined) {
      timer?.cancel()
      if (at && !closed) timer = timerAt(at, clock, fire)
    },
    close() {
      closed = true
      timer?.cancel()
      clearTimeout(retry)
    },
  }
}

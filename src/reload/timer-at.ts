/** The longest delay a Node.js timer takes (about 24.8 days); a longer wait is taken in steps. */
const longestTimerMs = 2 ** 31 - 1

/**
 * Calls `action` once `clock()` has reached `at`. The timer is checked against the clock when it
 * fires, so that a clock set by a test (or a machine that slept) is what decides.
 */
export function timerAt(at: Date, clock: () => Date, action: () => void): { cancel(): void } {
  let timer: NodeJS.Timeout | undefined
  const wait = () => {
    const delay = at.getTime() - clock().getTime()
    if (delay <= 0) {
      action()
      return
    }
    timer = setTimeout(wait, Math.min(delay, longestTimerMs))
    timer.unref()
  }
  timer = setTimeout(wait, Math.min(Math.max(at.getTime() - clock().getTime(), 0), longestTimerMs))
  timer.unref()
  return { cancel: () => clearTimeout(timer) }
}

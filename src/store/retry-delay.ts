const firstDelayMs = 60_000
const longestDelayMs = 6 * 60 * 60_000

/**
 * How long to wait before trying a mail again after its nth failed attempt: 1 minute, doubling
 * each time, never more than 6 hours, so that a mail server down for a day is tried a few
 * times an hour at first and then four times a day, not hammered.
 */
export function retryDelayMs(failedAttempts: number): number {
  const doublings = Math.max(0, failedAttempts - 1)
  // 2 ** 20 minutes is far past the cap: stop there, before the number grows without bound.
  return Math.min(firstDelayMs * 2 ** Math.min(doublings, 20), longestDelayMs)
}

const minute = 60_000

/** Failed sign-ins in a row that lock an account. */
export const failuresPerLock = 5
export const firstLockMs = 15 * minute
/** The longest lock: a person locked out by someone else gets in again within a day. */
export const longestLockMs = 24 * 60 * minute

/**
 * Until when an account is locked after this many failures in a row, or undefined when it is
 * not: 15 minutes at the fifth, doubled at each further fifth, never more than 24 hours.
 */
export function lockedUntil(failuresInARow: number, now: Date): Date | undefined {
  if (failuresInARow === 0 || failuresInARow % failuresPerLock !== 0) return undefined
  const lock = failuresInARow / failuresPerLock
  const ms = Math.min(firstLockMs * 2 ** Math.min(lock - 1, 20), longestLockMs)
  return new Date(now.getTime() + ms)
}

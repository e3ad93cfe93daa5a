import { isoDuration } from '../config/cookie-inventory-config.js'

/** The longest a declared duration can mean, in seconds (a month as 31 days, a year as 366). */
export function longestSeconds(duration: string): number | undefined {
  if (duration === 'session') return undefined
  const match = isoDuration.exec(duration)
  if (!match) return undefined
  const [, y, mo, d, , h, mi] = match.map((part) => Number.parseInt(part ?? '0', 10) || 0)
  return (((y ?? 0) * 366 + (mo ?? 0) * 31 + (d ?? 0)) * 24 + (h ?? 0)) * 3600 + (mi ?? 0) * 60
}

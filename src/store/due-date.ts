/** The time zone the legal clock of requests counts in: received and due dates are days there. */
export const siteTimeZone = 'Europe/Oslo'

const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: siteTimeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
})

/** The date and time in Oslo at an instant, as numbers (month 1–12). */
function osloParts(at: Date) {
  const parts = Object.fromEntries(
    wallClock.formatToParts(at).map((part) => [part.type, Number(part.value)]),
  )
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  }
}

/** How far Oslo's clock is ahead of UTC at an instant, in ms. */
function osloOffset(at: number): number {
  const p = osloParts(new Date(at))
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return wall - Math.floor(at / 1000) * 1000
}

/** The instant of midnight starting a day in Oslo (it always exists: clocks change at 02:00). */
function osloMidnight(year: number, month: number, day: number): Date {
  const wall = Date.UTC(year, month - 1, day)
  const first = wall - osloOffset(wall)
  return new Date(wall - osloOffset(first))
}

export interface DueDate {
  /** The last day to answer, in Oslo: YYYY-MM-DD. */
  readonly date: string
  /** The last moment of that day in Oslo. */
  readonly endsAt: Date
}

/**
 * When an answer is due: one calendar month after receipt (GDPR Art. 12(3)), counted in Oslo,
 * ending with the day of the same number, or the month's last day when it has none (31 January
 * → 28 or 29 February), as Regulation 1182/71 counts periods in months.
 */
export function dueDateOf(receivedAt: Date): DueDate {
  const received = osloParts(receivedAt)
  const year = received.month === 12 ? received.year + 1 : received.year
  const month = (received.month % 12) + 1
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const day = Math.min(received.day, daysInMonth)
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  const nextDay = new Date(Date.UTC(year, month - 1, day + 1))
  const endsAt = new Date(
    osloMidnight(
      nextDay.getUTCFullYear(),
      nextDay.getUTCMonth() + 1,
      nextDay.getUTCDate(),
    ).getTime() - 1,
  )
  return { date, endsAt }
}

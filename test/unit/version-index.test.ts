import { describe, expect, it } from 'vitest'
import { ConfigError } from '../../src/config/config-error.js'
import { startOfDate, versionTimeline } from '../../src/content/version-index.js'

describe('when a date begins', () => {
  it.each([
    ['2027-01-01', 'Europe/Oslo', '2026-12-31T23:00:00.000Z'],
    ['2027-07-01', 'Europe/Oslo', '2027-06-30T22:00:00.000Z'],
    // The day summer time starts in Oslo (at 02:00), and the day after.
    ['2027-03-28', 'Europe/Oslo', '2027-03-27T23:00:00.000Z'],
    ['2027-03-29', 'Europe/Oslo', '2027-03-28T22:00:00.000Z'],
    ['2027-05', 'Europe/Oslo', '2027-04-30T22:00:00.000Z'],
    ['2024', 'Asia/Shanghai', '2023-12-31T16:00:00.000Z'],
    // Where clocks jump from 23:59 to 01:00, the day begins at the jump.
    ['2027-03-14', 'America/Havana', '2027-03-14T05:00:00.000Z'],
    ['2027-09-05', 'America/Santiago', '2027-09-05T04:00:00.000Z'],
    // Where clocks go back at 01:00, the day begins at the first midnight.
    ['2027-11-07', 'America/Havana', '2027-11-07T04:00:00.000Z'],
  ])('%s in %s begins at %s', (date, timeZone, instant) => {
    expect(startOfDate(date, timeZone).toISOString()).toBe(instant)
  })
})

describe('which version is in force', () => {
  const index = {
    timeZone: 'Europe/Oslo',
    versions: [
      { id: '2024', effective: '2024', updated: '2024' },
      { id: '2027-01-01', effective: '2027-01-01', updated: '2026-11-20' },
      { id: '2027-06', effective: '2027-06', updated: '2027-01-10' },
    ],
  }
  const at = (instant: string) => {
    const timeline = versionTimeline(index, new Date(instant))
    return {
      inForce: timeline.inForce.id,
      upcoming: timeline.upcoming.map((version) => version.id),
      next: timeline.nextChangeAt?.toISOString(),
    }
  }

  it('is the newest that has taken effect; later ones are announced, soonest first', () => {
    expect(at('2026-12-31T22:59:59.999Z')).toEqual({
      inForce: '2024',
      upcoming: ['2027-01-01', '2027-06'],
      next: '2026-12-31T23:00:00.000Z',
    })
    expect(at('2026-12-31T23:00:00.000Z')).toEqual({
      inForce: '2027-01-01',
      upcoming: ['2027-06'],
      next: '2027-05-31T22:00:00.000Z',
    })
    expect(at('2030-01-01T00:00:00.000Z')).toEqual({
      inForce: '2027-06',
      upcoming: [],
      next: undefined,
    })
  })

  it('is none before the first takes effect, which is an error', () => {
    expect(() => versionTimeline(index, new Date('2023-12-31T22:00:00Z'))).toThrow(ConfigError)
  })
})

describe('the start of every day, in zones with unusual clocks', () => {
  const zones = [
    'Europe/Oslo',
    'America/Havana',
    'America/Santiago',
    'Asia/Gaza',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'Australia/Lord_Howe',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
  ]
  const dateIn = (instant: number, timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone }).format(instant)
  const days: string[] = []
  for (let day = Date.UTC(2022, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000) {
    days.push(new Date(day).toISOString().slice(0, 10))
  }

  const offsets = new Map<string, Intl.DateTimeFormat>()
  const offsetAt = (instant: number, timeZone: string) => {
    let format = offsets.get(timeZone)
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      offsets.set(timeZone, format)
    }
    return format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value
  }
  /** Days whose clocks change, with the day before and after: where a day's start is hard. */
  const clockChanges = (zone: string) =>
    days.filter((_day, index) =>
      [index - 1, index, index + 1].some((near) => {
        const start = Date.UTC(2022, 0, 1) + near * 86_400_000 - 14 * 3_600_000
        return offsetAt(start, zone) !== offsetAt(start + 38 * 3_600_000, zone)
      }),
    )
  const wrongStarts = (zone: string, which: readonly string[]) =>
    which.filter((day) => {
      const start = startOfDate(day, zone).getTime()
      return dateIn(start, zone) !== day || dateIn(start - 60_000, zone) >= day
    })

  it("Europe/Oslo, the versions' time zone: the first minute whose date is that day, every day 2022–2027", () => {
    expect(wrongStarts('Europe/Oslo', days)).toEqual([])
  })

  it.each(zones)('%s: the first minute of the day around every clock change 2022–2027', (zone) => {
    const changes = clockChanges(zone)
    // Zones that change their clocks have such days; those that never do are checked on the first of each month.
    const checked = changes.length > 0 ? changes : days.filter((day) => day.endsWith('-01'))
    expect(checked.length).toBeGreaterThan(0)
    expect(wrongStarts(zone, checked)).toEqual([])
  })
})

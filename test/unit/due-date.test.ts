import { describe, expect, it } from 'vitest'
import { dueDateOf } from '../../src/store/due-date.js'

describe('the date an answer to a privacy request is due', () => {
  it.each([
    // received (UTC)                due in Oslo    last moment (UTC)
    ['2026-01-15T10:00:00.000Z', '2026-02-15', '2026-02-15T22:59:59.999Z'], // winter time
    ['2026-03-31T12:00:00.000Z', '2026-04-30', '2026-04-30T21:59:59.999Z'], // 30 days have April
    ['2026-01-31T12:00:00.000Z', '2026-02-28', '2026-02-28T22:59:59.999Z'], // no 31 February
    ['2028-01-31T12:00:00.000Z', '2028-02-29', '2028-02-29T22:59:59.999Z'], // leap year
    ['2028-01-29T12:00:00.000Z', '2028-02-29', '2028-02-29T22:59:59.999Z'],
    ['2026-01-29T12:00:00.000Z', '2026-02-28', '2026-02-28T22:59:59.999Z'],
    ['2026-12-15T12:00:00.000Z', '2027-01-15', '2027-01-15T22:59:59.999Z'], // into next year
  ])('received %s: due %s, until %s', (received, date, endsAt) => {
    const due = dueDateOf(new Date(received))
    expect(due.date).toBe(date)
    expect(due.endsAt.toISOString()).toBe(endsAt)
  })

  it.each([
    // Still 31 January in UTC, already 1 February in Oslo.
    ['2026-01-31T23:30:00.000Z', '2026-03-01'],
    // Still 31 December in UTC, New Year in Oslo.
    ['2026-12-31T23:30:00.000Z', '2027-02-01'],
    // The last moment of 31 May in Oslo (summer time), and the first of 1 June.
    ['2026-05-31T21:59:59.999Z', '2026-06-30'],
    ['2026-05-31T22:00:00.000Z', '2026-07-01'],
  ])('counts from the day in Oslo: received %s, due %s', (received, date) => {
    expect(dueDateOf(new Date(received)).date).toBe(date)
  })

  it.each([
    // Due the day before summer time starts (29 March 2026): that day ends at 23:00 UTC.
    ['2026-02-28T12:00:00.000Z', '2026-03-28', '2026-03-28T22:59:59.999Z'],
    // Due on the day summer time starts (28 March 2027, 23 hours long): it ends at 22:00 UTC.
    ['2027-02-28T12:00:00.000Z', '2027-03-28', '2027-03-28T21:59:59.999Z'],
    // Received on the day summer time starts, before and after the change at 01:00 UTC.
    ['2026-03-29T00:30:00.000Z', '2026-04-29', '2026-04-29T21:59:59.999Z'],
    ['2026-03-29T01:30:00.000Z', '2026-04-29', '2026-04-29T21:59:59.999Z'],
    // Due on the day winter time returns (25 October 2026, 25 hours long): it ends at 23:00 UTC.
    ['2026-09-25T12:00:00.000Z', '2026-10-25', '2026-10-25T22:59:59.999Z'],
    // Received on that day, before and after the change.
    ['2026-10-25T00:30:00.000Z', '2026-11-25', '2026-11-25T22:59:59.999Z'],
    ['2026-10-25T01:30:00.000Z', '2026-11-25', '2026-11-25T22:59:59.999Z'],
  ])('across a change of clocks: received %s, due %s, until %s', (received, date, endsAt) => {
    const due = dueDateOf(new Date(received))
    expect(due.date).toBe(date)
    expect(due.endsAt.toISOString()).toBe(endsAt)
  })
})

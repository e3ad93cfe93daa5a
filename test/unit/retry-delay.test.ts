import { describe, expect, it } from 'vitest'
import { retryDelayMs } from '../../src/store/retry-delay.js'

const minute = 60_000

describe('the wait before a failed mail is tried again', () => {
  it.each([
    [1, 1 * minute],
    [2, 2 * minute],
    [3, 4 * minute],
    [6, 32 * minute],
    [9, 256 * minute],
    [10, 360 * minute],
    [100, 360 * minute],
    [10_000, 360 * minute],
  ])('after %i failed attempts: %i ms', (attempts, delay) => {
    expect(retryDelayMs(attempts)).toBe(delay)
  })
})

import { describe, expect, it } from 'vitest'
import { scriptSafeJson } from '../../src/render/structured-data.js'

describe('JSON inside <script type="application/ld+json">', () => {
  it('cannot end the script element or open another, and still parses to the same value', () => {
    const value = { name: '</script><script>alert(1)</script>', note: 'a & b > c', line: '\u2028' }
    const json = scriptSafeJson(value)
    expect(json).not.toMatch(/[<>&\u2028]/)
    expect(JSON.parse(json)).toEqual(value)
  })
})

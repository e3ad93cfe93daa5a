import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fieldName, parseSiteConfig } from '../../src/config/site-config.js'
import { fixture } from '../helpers/test-site.js'

const base = JSON.parse(readFileSync(fixture('site-scan-faults.json'), 'utf8'))
const problemsWith = (otherSites: unknown) =>
  parseSiteConfig({ ...base, otherSites }).problems.map((p) => `${fieldName(p.path)} ${p.message}`)

describe('the other sites a cookie scan visits', () => {
  it('accepts the fixture and a configuration without them', () => {
    expect(problemsWith(base.otherSites)).toEqual([])
    const { otherSites: _left, ...without } = base
    expect(parseSiteConfig(without).config?.otherSites).toEqual([])
  })

  it.each([
    ['not a list', 'x', 'otherSites must be a list of sites in [ ]'],
    [
      'an address with a path',
      [{ origin: 'https://shop.example.no/nb', accept: '#a', reject: '#r' }],
      'otherSites[0].origin "https://shop.example.no/nb" must be a site\'s address without a path, such as https://shop.example.no',
    ],
    [
      'no reject selector',
      [{ origin: 'https://shop.example.no', accept: '#a' }],
      'otherSites[0].reject is missing',
    ],
    ['an entry that is not a group', ['x'], 'otherSites[0] must be a group of fields in { }'],
  ])('explains %s', (_what, otherSites, message) => {
    expect(problemsWith(otherSites)).toContain(message)
  })
})

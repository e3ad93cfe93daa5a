import { describe, expect, it } from 'vitest'
import { negotiateLanguage, parseAcceptLanguage } from '../../src/http/accept-language.js'
import { readSiteConfig } from '../helpers/site-config.js'

const site = readSiteConfig()
const choose = (header: string | undefined) => negotiateLanguage(header, site.acceptLanguage, 'nb')

describe('choosing a language from Accept-Language', () => {
  it.each([
    // Norwegian, in every spelling browsers send
    ['nb', 'nb'],
    ['nb-NO', 'nb'],
    ['nn', 'nb'],
    ['nn-NO', 'nb'],
    ['no', 'nb'],
    ['NB-no', 'nb'],
    // Simplified Chinese
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-Hans', 'zh'],
    ['zh-Hans-CN', 'zh'],
    ['zh-SG', 'zh'],
    ['zh-cn,zh;q=0.9', 'zh'],
    // English, any region
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['en-AU', 'en'],
    // q-values decide, ties keep the header's order
    ['en;q=0.5, nb;q=0.8', 'nb'],
    ['nb;q=0.5, en', 'en'],
    ['de-DE, en;q=0.7, nb;q=0.3', 'en'],
    ['zh;q=0.9, en;q=0.9', 'zh'],
    ['en;q=0, zh;q=0.1', 'zh'],
    ['fr, de;q=0.9, zh-CN;q=0.8', 'zh'],
    // anything else goes to the source language
    ['fr-FR', 'nb'],
    ['zh-TW', 'nb'],
    ['*', 'nb'],
    ['sv;q=1.0, *;q=0.5', 'nb'],
    ['', 'nb'],
    [undefined, 'nb'],
  ])('%s → %s', (header, expected) => {
    expect(choose(header)).toBe(expected)
  })

  it.each([
    ['en;q=2'],
    ['en;q=abc'],
    ['en;;q=0.5'],
    ['../../etc/passwd'],
    ['__proto__'],
    ['en-'],
    ['en_US'],
    ['<script>'],
    [`en,${'x'.repeat(5 * 1024)}`],
    [Array.from({ length: 100 }, () => 'en').join(',')],
  ])('a malformed header %s goes to nb', (header) => {
    expect(choose(header)).toBe('nb')
  })

  it('orders ranges by q-value, keeping the header order for ties', () => {
    expect(parseAcceptLanguage('a;q=0.5, b, c;q=0.5, d;q=1')?.map((range) => range.tag)).toEqual([
      'b',
      'd',
      'a',
      'c',
    ])
  })
})

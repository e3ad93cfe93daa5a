import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultSiteConfigPath, localesDir } from '../../src/config/paths.js'
import { readSiteConfig } from '../helpers/site-config.js'

// The shipped content, as staff left it: what holds after any of their changes.
const [source = 'nb', ...translations] = readSiteConfig(defaultSiteConfigPath).languages
const filesOf = (lng: string) =>
  readdirSync(path.join(localesDir, lng), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.split(path.sep).join('/'))
    .sort()
const files = filesOf(source)

/** Every text of a locale file by its dotted key; arrays count by index. */
function flatten(value: unknown, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>()
  if (typeof value === 'string') entries.set(prefix, value)
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [childKey, text] of flatten(child, prefix ? `${prefix}.${key}` : key))
        entries.set(childKey, text)
    }
  }
  return entries
}

const read = (lng: string, file: string) =>
  flatten(JSON.parse(readFileSync(path.join(localesDir, lng, file), 'utf8')))
const variables = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1]).sort()
const linkTargets = (text: string) =>
  [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1])

describe('locale parity', () => {
  it('has translations to compare, and every page and published version in each', () => {
    expect(translations.length).toBeGreaterThan(0)
    const versions = JSON.parse(readFileSync(path.join(localesDir, 'versions.json'), 'utf8'))
    const published = versions.versions.map(
      (v: { effective: string }) => `versions/${v.effective}.json`,
    )
    expect(files).toEqual(expect.arrayContaining(['common.json', 'policy.json', ...published]))
  })

  describe.each(translations)('%s', (lng) => {
    it('has exactly the files of nb', () => {
      expect(filesOf(lng)).toEqual(files)
    })

    it.each(files)('%s has exactly the keys of nb', (file) => {
      expect([...read(lng, file).keys()].sort()).toEqual([...read(source, file).keys()].sort())
    })

    it.each(files)('%s uses the same interpolation variables and link targets as nb', (file) => {
      const translated = read(lng, file)
      for (const [key, text] of read(source, file)) {
        const translation = translated.get(key) ?? ''
        expect(variables(translation), `${lng}/${file} ${key}`).toEqual(variables(text))
        expect(linkTargets(translation), `${lng}/${file} ${key}`).toEqual(linkTargets(text))
        expect(translation.trim(), `${lng}/${file} ${key}`).not.toBe('')
      }
    })
  })
})

import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultSiteConfigPath, localesDir, packageRoot } from '../../src/config/paths.js'
import { firstDayOf } from '../../src/content/dates.js'
import {
  brokenLinks,
  checkerErrors,
  missingSeedLines,
  pagesNotAnswering,
  siteOf,
} from './site-invariants.js'

// biome-ignore lint/suspicious/noExplicitAny: staff edit JSON of any shape
type Json = any

/**
 * A staff member's day on a copy of the shipped content, done the way the staff guide says:
 * edit the notice in every language and publish it as a new version, add a section, add a
 * cookie to the inventory, add a language. Then the checks CI runs on content still pass.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'staff-day-'))
const locales = path.join(dir, 'locales')
const siteConfigPath = path.join(dir, 'site.json')
cpSync(localesDir, locales, { recursive: true })
cpSync(defaultSiteConfigPath, siteConfigPath)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const edit = (file: string, change: (json: Json) => void) => {
  const json = JSON.parse(readFileSync(file, 'utf8'))
  change(json)
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`)
}
const languagesNow = (): string[] => JSON.parse(readFileSync(siteConfigPath, 'utf8')).languages
const run = (script: string, args: string[], input = '') =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: packageRoot,
    encoding: 'utf8',
    input,
    env: { PATH: process.env.PATH, SITE_CONFIG: siteConfigPath },
  })

/** A day after both today and the newest version, so that publishing accepts it. */
function nextEffectiveDate(): string {
  const list = JSON.parse(readFileSync(path.join(locales, 'versions.json'), 'utf8'))
  const newest = Date.parse(firstDayOf(list.versions.at(-1).effective))
  const day = Math.max(newest, Date.now()) + 40 * 86_400_000
  return new Date(day).toISOString().slice(0, 10)
}

describe("a staff member's day on a copy of the content", () => {
  it('adds a section to the notice in every language', () => {
    edit(path.join(locales, 'sections.json'), (json) => json.policy.push('staff-day'))
    for (const lng of languagesNow()) {
      edit(path.join(locales, lng, 'draft.json'), (json) => {
        json.sections['staff-day'] = {
          heading: `Ny del (${lng})`,
          paragraphs: [`En ny del av erklæringen, skrevet på ${lng}.`],
        }
      })
    }
    expect(checkerErrors({ localesDir: locales, siteConfigPath })).toEqual([])
  })

  it('publishes the edited notice as a new version with npm run publish', () => {
    for (const lng of languagesNow()) {
      edit(path.join(locales, lng, 'draft.json'), (json) => {
        const [first = 'staff-day'] = Object.keys(json.sections)
        json.sections[first].paragraphs.push(`Endret i dag (${lng}).`)
      })
    }
    const effective = nextEffectiveDate()
    const summaries = languagesNow().map((lng) => `Endringer i dag (${lng}).`)
    const result = run(
      'src/cli/publish.ts',
      ['--effective', effective, '--locales', locales],
      `${summaries.join('\n')}\n`,
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const list = JSON.parse(readFileSync(path.join(locales, 'versions.json'), 'utf8'))
    expect(list.versions.at(-1).effective).toBe(effective)
  })

  it('adds a cookie to the inventory', () => {
    edit(siteConfigPath, (json) => {
      json.cookieInventory.push({
        name: '_ga',
        provider: 'Google',
        purpose: Object.fromEntries(languagesNow().map((lng) => [lng, `Statistikk (${lng}).`])),
        category: 'analytics',
        duration: 'P2Y',
        site: 'other',
      })
    })
    expect(checkerErrors({ localesDir: locales, siteConfigPath })).toEqual([])
  })

  it('adds a language: a folder of locale files and one line of configuration', () => {
    const [, translation = 'nb'] = languagesNow()
    cpSync(path.join(locales, translation), path.join(locales, 'de'), { recursive: true })
    edit(path.join(locales, 'de', 'common.json'), (json) => {
      json.language = { ...json.language, tag: 'de', name: 'Deutsch', ogLocale: 'de_DE' }
    })
    edit(siteConfigPath, (json) => {
      json.languages.push('de')
      for (const cookie of json.cookieInventory) cookie.purpose.de = 'Statistik.'
    })
    expect(checkerErrors({ localesDir: locales, siteConfigPath })).toEqual([])
  })

  it('leaves content that npm run check passes and the invariants hold for', async () => {
    const check = run('src/cli/check.ts', ['--locales', locales])
    expect(check.stdout.trim().split('\n').at(-1)).toMatch(
      /^0 errors, \d+ warnings? in \d+ files checked$/,
    )
    expect(check.status).toBe(0)
    const site = await siteOf({ localesDir: locales, siteConfigPath })
    expect(site.site.content.site.languages).toContain('de')
    expect(await missingSeedLines(site)).toEqual([])
    expect(await pagesNotAnswering(site)).toEqual([])
    expect(await brokenLinks(site)).toEqual([])
  })
})

import { rmSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildSite } from '../../src/build/build-site.js'
import { defaultSources } from '../../src/build/site-sources.js'
import { formatFinding } from '../../src/check/findings.js'
import { ConfigError } from '../../src/config/config-error.js'
import { loadConfig } from '../../src/config/environment.js'
import { quickCompression } from '../../src/prepare/prepared-response.js'
import { fixtureSiteConfig } from '../helpers/fixture-content.js'
import { copyLocales } from '../helpers/locale-copy.js'

const { config } = loadConfig({ NODE_ENV: 'test', SITE_CONFIG: fixtureSiteConfig })

async function loadError(dir: string): Promise<ConfigError> {
  const error = await buildSite(config, {
    ...defaultSources,
    localesDir: dir,
    compression: quickCompression,
  }).then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(ConfigError)
  return error as ConfigError
}

/** A mistake in the notice being written: the site still builds, and the build names it. */
async function draftErrorsOf(dir: string): Promise<string> {
  const site = await buildSite(config, {
    ...defaultSources,
    localesDir: dir,
    compression: quickCompression,
  })
  expect(site.content.languages[0]?.policy.sections.length).toBeGreaterThan(0)
  return site.draftErrors.map(formatFinding).join('\n')
}

describe('building the site from locale files', () => {
  it('loads the locale files of every language', async () => {
    const { content } = await buildSite(config, {
      ...defaultSources,
      localesDir: copyLocales().dir,
      compression: quickCompression,
    })
    expect(content.languages.map((language) => language.lng)).toEqual(['nb', 'en', 'zh'])
    expect(content.languages[0]?.policy.sections.length).toBeGreaterThan(5)
  })

  it('names a missing locale file', async () => {
    const copy = copyLocales()
    rmSync(path.join(copy.dir, 'nb', 'contact.json'))
    expect((await loadError(copy.dir)).message).toMatch(
      /nb\/contact\.json:1:1 {2}error {2}the file is missing/,
    )
  })

  it('names a locale file that is not valid JSON', async () => {
    const copy = copyLocales()
    copy.write('nb/cookies.json', '{ "meta": { "title": "Informasjonskapsler", }')
    expect((await loadError(copy.dir)).message).toMatch(
      /nb\/cookies\.json:1:\d+ {2}error {2}JSON syntax: /,
    )
  })

  it('names a text a template needs that no language has, rather than showing its key', async () => {
    const copy = copyLocales()
    for (const lng of ['nb', 'en', 'zh']) {
      copy.edit(`${lng}/contact.json`, (json) => {
        delete json.authority.heading
      })
    }
    expect((await loadError(copy.dir)).message).toBe(
      'locale file locales/nb/contact.json has no text "authority.heading" (used by views/pages/contact.ejs)',
    )
  })

  it('names a section in the order that has no text in the draft, without holding back the live pages', async () => {
    const copy = copyLocales()
    copy.edit('sections.json', (json) => {
      json.policy.push('retention')
    })
    expect(await draftErrorsOf(copy.dir)).toContain(
      'section "retention" is in locales/sections.json but has no text here',
    )
  })

  it('names text for a section that is not in the order in the draft, without holding back the live pages', async () => {
    const copy = copyLocales()
    copy.edit('nb/draft.json', (json) => {
      json.sections.extra = { heading: 'Ekstra', paragraphs: ['Tekst.'] }
    })
    expect(await draftErrorsOf(copy.dir)).toMatch(
      /nb\/draft\.json:\d+:5 {2}error {2}section "extra" is not in locales\/sections\.json/,
    )
  })

  it('names a section id that could not be a stable anchor in the draft, without holding back the live pages', async () => {
    const copy = copyLocales()
    copy.write('sections.json', JSON.stringify({ policy: ['about', 'Om oss!'] }))
    expect(await draftErrorsOf(copy.dir)).toContain('"Om oss!" is not a section id')
  })

  it('names a list of versions that is not valid JSON, at its place', async () => {
    const copy = copyLocales()
    copy.write('versions.json', '{ "timeZone": "Europe/Oslo", "versions": [ ] ,}')
    expect((await loadError(copy.dir)).message).toMatch(
      /versions\.json:1:\d+ {2}error {2}JSON syntax: expected a name in double quotes here/,
    )
  })

  it('names a version date that is not a date', async () => {
    const copy = copyLocales()
    copy.edit('versions.json', (json) => {
      json.versions[0].updated = '2024-13'
    })
    expect((await loadError(copy.dir)).message).toMatch(
      /versions\.json:\d+:\d+ {2}error {2}"updated" must be a year \(2024\), a month/,
    )
  })

  it('names a link to a page that does not exist in the draft, without holding back the live pages', async () => {
    const copy = copyLocales()
    copy.edit('nb/draft.json', (json) => {
      json.sections.about.paragraphs[0] = 'Se [vilkårene](page:terms).'
    })
    expect(await draftErrorsOf(copy.dir)).toMatch(
      /nb\/draft\.json:\d+:\d+ {2}error {2}link target "page:terms" is not allowed/,
    )
  })
})

import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { checkContent } from '../../src/check/check-content.js'
import { summaryProblem } from '../../src/check/check-versions.js'
import { planPublish, writeVersion } from '../../src/cli/publish-version.js'
import { packageRoot } from '../../src/config/paths.js'
import { fixtureSiteConfig } from '../helpers/fixture-content.js'
import { parse, visibleText } from '../helpers/html.js'
import { copyLocales } from '../helpers/locale-copy.js'
import { createTestSite } from '../helpers/test-site.js'

const today = new Date('2026-11-26T10:00:00Z')
const plan = (localesDir: string, effective: string, updated?: string, allowUntranslated = false) =>
  planPublish({
    localesDir,
    siteConfigPath: fixtureSiteConfig,
    env: {},
    effective,
    ...(updated ? { updated } : {}),
    allowUntranslated,
    now: today,
  })

/** A copy of the locale files in which staff have changed the notice in every language. */
function editedCopy() {
  const copy = copyLocales()
  const sentence: Record<string, string> = {
    nb: 'Vi lagrer opplysningene dine i Norge.',
    en: 'We store your data in Norway.',
    zh: '我们在挪威存储您的数据。',
  }
  for (const [lng, text] of Object.entries(sentence)) {
    copy.edit(`${lng}/draft.json`, (json) => {
      json.sections.security.paragraphs.push(text)
    })
  }
  return copy
}

describe('planning a new version', () => {
  it('accepts a changed text taking effect after today, and counts the days of notice', () => {
    const { plan: ready, problems } = plan(editedCopy().dir, '2027-01-01')
    expect(problems).toEqual([])
    expect(ready).toMatchObject({
      id: '2027-01-01',
      updated: '2026-11-26',
      languages: ['nb', 'en', 'zh'],
      noticeDays: 36,
      warnings: [],
    })
  })

  it.each([
    [
      '2026-11-25',
      '--effective 2026-11-25 is in the past: a new version cannot take effect before today (2026-11-26)',
    ],
    ['2023', '--effective 2023 must be after the newest version, which takes effect on 2024'],
    [
      '2027-02-30',
      '--effective 2027-02-30 must be a year (2027), a month (2027-01) or a day (2027-01-01)',
    ],
    [
      '../../etc',
      '--effective ../../etc must be a year (2027), a month (2027-01) or a day (2027-01-01)',
    ],
  ])('refuses --effective %s', (effective, problem) => {
    expect(plan(editedCopy().dir, effective).problems).toContain(problem)
  })

  it('publishes the summary with the text, and counts a summary changed alone as a change', () => {
    const copy = copyLocales()
    const line: Record<string, string> = {
      nb: 'Vi bevarer informasjonen din i 3 år.',
      en: 'We keep your information for 3 years.',
      zh: '我们将您的信息保存3年。',
    }
    for (const [lng, text] of Object.entries(line)) {
      copy.edit(`${lng}/draft.json`, (json) => {
        json.inBrief[2].text = text
      })
    }
    const { plan: ready, problems } = plan(copy.dir, '2027-01-01')
    expect(problems).toEqual([])
    for (const [lng, text] of Object.entries(line)) {
      expect(ready?.texts[lng]?.inBrief).toContainEqual({ text, section: 'processing' })
    }
  })

  it('refuses to publish a text that has not changed', () => {
    expect(plan(copyLocales().dir, '2027-01-01').problems).toEqual([
      "the text in every language's draft.json is the same as version 2024: edit it first, then publish",
    ])
  })

  it('accepts a correction made in a translation only', () => {
    const copy = copyLocales()
    copy.edit('en/draft.json', (json) => {
      json.sections.about.paragraphs[0] = 'We aim to make the service better for everyone.'
    })
    expect(plan(copy.dir, '2027-01-01').problems).toEqual([])
  })

  it('does not count a different order of the keys in draft.json as a change', () => {
    const copy = copyLocales()
    copy.edit('nb/draft.json', (json) => {
      const sections = json.sections
      json.sections = Object.fromEntries(Object.entries(sections).reverse())
    })
    expect(plan(copy.dir, '2027-01-01').problems).toEqual([
      "the text in every language's draft.json is the same as version 2024: edit it first, then publish",
    ])
  })

  it.each([
    ['', 'write a sentence or two'],
    ['Ny versjon\u0007', 'it holds an invisible control character'],
    ['Se {{date}}', 'it may not hold {{...}} placeholders'],
    ['Se [her](https://example.com)', 'it may not hold links: write plain text'],
  ])('refuses the summary %j', (summary, problem) => {
    expect(summaryProblem(summary)).toBe(problem)
  })

  it('refuses content with errors, and names them', () => {
    const copy = editedCopy()
    copy.write('en/draft.json', '{ "sections": ')
    const { problems } = plan(copy.dir, '2027-01-01')
    expect(problems[0]).toBe('the content has errors: fix them first (npm run check)')
    expect(problems[1]).toMatch(/en\/draft\.json:1:\d+ {2}error {2}JSON syntax/)
  })

  it('refuses a draft whose translations lack a Norwegian change, naming each text, unless told to go ahead', () => {
    const copy = copyLocales()
    // Two Norwegian changes; the English translation has the first only, Chinese neither.
    copy.edit('nb/draft.json', (json) => {
      json.sections.security.paragraphs[0] = 'Vi lagrer opplysningene dine i Norge.'
      json.sections.cookies.heading = 'Om informasjonskapsler'
    })
    copy.edit('en/draft.json', (json) => {
      json.sections.security.paragraphs[0] = 'We store your data in Norway.'
    })
    const refused = plan(copy.dir, '2027-01-01')
    expect(refused.plan).toBeUndefined()
    expect(refused.problems[0]).toContain('--allow-untranslated')
    const gaps = refused.problems
      .slice(1)
      .map(
        (line) =>
          `${line.split(':')[0]?.split('/').slice(-2).join('/')} ${/ in "([^"]+)"/.exec(line)?.[1]}`,
      )
    expect(gaps).toEqual([
      'en/draft.json sections.cookies.heading',
      'zh/draft.json sections.security.paragraphs[0]',
      'zh/draft.json sections.cookies.heading',
    ])
    const knowingly = plan(copy.dir, '2027-01-01', undefined, true)
    expect(knowingly.plan?.warnings).toHaveLength(3)
  })
})

describe('writing a version', () => {
  it('takes the version back whole when the checker finds an error in it', () => {
    const copy = editedCopy()
    const sources = { localesDir: copy.dir, siteConfigPath: fixtureSiteConfig, env: {} }
    const ready = plan(copy.dir, '2027-01-01').plan
    if (!ready) throw new Error('expected a plan')
    // A slip made after planning: the written version would lack its date in every language.
    for (const lng of ['nb', 'en', 'zh']) {
      copy.edit(`${lng}/draft.json`, (json) => {
        json.updated = 'Oppdatert'
      })
    }
    const listed = readFileSync(path.join(copy.dir, 'versions.json'), 'utf8')
    expect(() => writeVersion(sources, ready, { nb: 'Ny.', en: 'New.', zh: '新。' })).toThrow(
      /^the new version has errors, so it was not published:\n.*"updated" needs \{\{date\}\}/,
    )
    expect(readFileSync(path.join(copy.dir, 'versions.json'), 'utf8')).toBe(listed)
    expect(existsSync(path.join(copy.dir, 'nb', 'versions', '2027-01-01.json'))).toBe(false)
    expect(existsSync(path.join(copy.dir, 'zh', 'versions', '2027-01-01.json'))).toBe(false)
  })
})

describe('npm run publish', () => {
  const publish = (localesDir: string, args: string[], input: string) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/publish.ts', '--locales', localesDir, ...args],
      {
        cwd: packageRoot,
        encoding: 'utf8',
        input,
        env: { PATH: process.env.PATH, SITE_CONFIG: fixtureSiteConfig },
      },
    )

  it('asks for a summary in each language, writes the version, and the site announces it', async () => {
    const copy = editedCopy()
    const result = publish(
      copy.dir,
      ['--effective', '2099-01-01', '--updated', '2026-11-20'],
      'Vi lagrer i Norge.\n\nSee {{x}}\nWe store in Norway.\n我们在挪威存储。\n',
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    // An empty answer and one with a placeholder are asked again, saying why.
    expect(result.stdout.match(/What changed, in en: /g)).toHaveLength(3)
    expect(result.stdout).toContain('(it may not hold {{...}} placeholders) What changed, in en: ')
    expect(result.stdout).toContain('wrote ')
    expect(result.stdout).toMatch(
      /Every page announces the new version until it takes effect in \d+ days/,
    )

    const index = JSON.parse(readFileSync(path.join(copy.dir, 'versions.json'), 'utf8'))
    expect(index.versions.at(-1)).toEqual({ effective: '2099-01-01', updated: '2026-11-20' })
    const version = JSON.parse(
      readFileSync(path.join(copy.dir, 'en', 'versions', '2099-01-01.json'), 'utf8'),
    )
    expect(version.summary).toBe('We store in Norway.')
    expect(version.sections.security.paragraphs.at(-1)).toBe('We store your data in Norway.')
    expect(version.$schema).toBe('../../../schemas/policy-version.schema.json')

    const check = checkContent({
      localesDir: copy.dir,
      siteConfigPath: fixtureSiteConfig,
      env: {},
    })
    expect(check.errors).toEqual([])
    expect(
      check.findings.some((finding) => finding.message.includes('differs from the published')),
    ).toBe(false)

    const { app } = await createTestSite({ sources: { localesDir: copy.dir } })
    const $ = parse((await request(app).get('/en/').expect(200)).text)
    expect(visibleText($, 'main .announcement')).toBe(
      'A new version of the privacy notice takes effect from January 1, 2099. See what changes',
    )
    expect(visibleText($, '#security')).not.toContain('We store your data in Norway.')
  })

  it('explains how to name the date, and writes nothing when refused', () => {
    const copy = editedCopy()
    const before = readFileSync(path.join(copy.dir, 'versions.json'), 'utf8')
    const missing = publish(copy.dir, [], '')
    expect(missing.status).toBe(1)
    expect(missing.stderr).toBe(
      'Cannot publish: name the date the new version takes effect: npm run publish -- --effective 2027-01-01\n',
    )
    const past = publish(copy.dir, ['--effective', '2020-01-01'], '')
    expect(past.status).toBe(1)
    expect(past.stderr).toMatch(
      /^Cannot publish: --effective 2020-01-01 must be after the newest version/,
    )
    expect(readFileSync(path.join(copy.dir, 'versions.json'), 'utf8')).toBe(before)
  })

  it('writes nothing when the input ends before every summary is given', () => {
    const copy = editedCopy()
    const result = publish(copy.dir, ['--effective', '2099-01-01'], 'Bare norsk.\n')
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('Cannot publish: no answer: the input ended\n')
    expect(
      JSON.parse(readFileSync(path.join(copy.dir, 'versions.json'), 'utf8')).versions,
    ).toHaveLength(1)
  })
})

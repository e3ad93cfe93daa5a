import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkContent } from '../../src/check/check-content.js'
import type { Finding } from '../../src/check/findings.js'
import { fixtureSiteConfig } from '../helpers/fixture-content.js'
import { copyLocales } from '../helpers/locale-copy.js'
import { addVersion } from '../helpers/versions.js'

const check = (dir: string) =>
  checkContent({ localesDir: dir, siteConfigPath: fixtureSiteConfig, env: {} })

/** The findings about the summary, each file named from its language folder on. */
const aboutSummary = (dir: string, findings: readonly Finding[]) =>
  findings
    .filter((finding) => /^("inBrief"|line \d+ of "inBrief")|summary line/.test(finding.message))
    .map((finding) => ({ ...finding, file: path.relative(dir, finding.file) }))

/** The text at a finding's line and column. */
const textAt = (dir: string, finding: Finding | undefined) =>
  readFileSync(path.join(dir, finding?.file ?? ''), 'utf8')
    .split('\n')
    [(finding?.line ?? 0) - 1]?.slice((finding?.column ?? 0) - 1)

describe('the summary at the top of the notice', () => {
  it('is required in every version and in the draft, in every language', () => {
    const copy = copyLocales()
    copy.edit('nb/versions/2024.json', (json) => {
      delete json.inBrief
    })
    copy.edit('zh/draft.json', (json) => {
      json.inBrief = []
    })
    const result = check(copy.dir)
    const found = aboutSummary(copy.dir, result.findings).map(({ file, level, message }) =>
      [file, level, message].join('  '),
    )
    expect(found).toContainEqual(
      expect.stringMatching(
        /^nb\/versions\/2024\.json {2}error {2}"inBrief" is missing: write the short summary shown at the top of the notice/,
      ),
    )
    expect(found).toContainEqual(
      expect.stringMatching(
        /^zh\/draft\.json {2}error {2}"inBrief" must be a list of lines in \[ \]/,
      ),
    )
    expect(result.errors.map((finding) => finding.file)).toContainEqual(
      expect.stringMatching(/nb\/versions\/2024\.json$/),
    )
    expect(result.draftErrors.map((finding) => finding.file)).toContainEqual(
      expect.stringMatching(/zh\/draft\.json$/),
    )
  })

  it('names a line that links to a section the notice does not have, at the section id', () => {
    const copy = copyLocales()
    copy.edit('nb/versions/2024.json', (json) => {
      json.inBrief[2].section = 'retention'
    })
    const [finding, ...others] = aboutSummary(copy.dir, check(copy.dir).errors)
    expect(others.filter((other) => other.file.startsWith('nb/'))).toEqual([])
    expect(finding?.file).toBe('nb/versions/2024.json')
    expect(finding?.message).toMatch(
      /^line 3 of "inBrief" links to the section "retention", which this notice does not have: write the id of one of its sections \(about, principles, .*contact\)$/,
    )
    expect(textAt(copy.dir, finding)).toMatch(/^"section": "retention"/)
  })

  it('names a translated line that links to another section than the Norwegian line', () => {
    const copy = copyLocales()
    copy.edit('en/versions/2024.json', (json) => {
      json.inBrief[0].section = 'security'
    })
    copy.edit('zh/draft.json', (json) => {
      json.inBrief[1] = { words: '我们处理您的信息。' }
    })
    const result = check(copy.dir)
    expect(
      aboutSummary(copy.dir, result.findings).map(({ file, level, message }) => ({
        file,
        level,
        message,
      })),
    ).toEqual(
      expect.arrayContaining([
        {
          file: 'en/versions/2024.json',
          level: 'error',
          message:
            'line 1 of "inBrief" links to the section "security", but the Norwegian line links to "collection": link each line to the same section as in Norwegian',
        },
        {
          file: 'zh/draft.json',
          level: 'error',
          message:
            'line 2 of "inBrief" needs a "text" and a "section": { "text": "…", "section": "rights" }',
        },
      ]),
    )
  })

  it('warns at each line of the draft whose section changed while the line did not', () => {
    const copy = copyLocales()
    copy.edit('nb/draft.json', (json) => {
      json.sections.processing.paragraphs[1] = json.sections.processing.paragraphs[1].replace(
        'i3 år',
        'i 5 år',
      )
      json.inBrief[1].text = 'Vi behandler informasjonen din for å gi deg en tjeneste.'
    })
    const warnings = aboutSummary(copy.dir, check(copy.dir).findings)
    expect(warnings.map(({ file, level, message }) => ({ file, level, message }))).toEqual([
      {
        file: 'nb/draft.json',
        level: 'warning',
        message:
          'the section "processing" has changed since version 2024, and this summary line has not: re-read the line, and correct it if it no longer says what the section says',
      },
    ])
    expect(textAt(copy.dir, warnings[0])).toMatch(/^"text": "Generelt sett bevarer/)
  })

  it('warns at the newest version, in Norwegian, when a section changed under a line; a heading alone is no change', () => {
    const copy = copyLocales()
    // biome-ignore lint/suspicious/noExplicitAny: tests reach into locale JSON
    const changeRights = (json: any) => {
      json.sections.rights.paragraphs.push('Ny setning.')
      json.sections.collection.heading = 'Hva vi samler inn'
    }
    addVersion(copy, {
      effective: '2027-01-01',
      updated: '2026-11-20',
      summaries: { nb: 'Rettighetene er endret.', en: 'Rights changed.', zh: '权利已更改。' },
      change: (_lng, json) => changeRights(json),
    })
    // As npm run publish leaves it: the draft is the text just published.
    for (const lng of ['nb', 'en', 'zh']) copy.edit(`${lng}/draft.json`, changeRights)
    const warnings = aboutSummary(copy.dir, check(copy.dir).findings)
    expect(warnings.map(({ file, line }) => `${file} ${line}`)).toHaveLength(2)
    for (const warning of warnings) {
      expect(warning.file).toBe('nb/versions/2027-01-01.json')
      expect(warning.message).toMatch(/^the section "rights" has changed since version 2024,/)
    }
  })

  it('says nothing when the section and its line changed together', () => {
    const copy = copyLocales()
    copy.edit('nb/draft.json', (json) => {
      json.sections.rights.paragraphs.push('Ny setning.')
      json.inBrief[3].text = 'Du kan ha rett til innsyn.'
      json.inBrief[4].text = 'Du kan kontakte oss.'
    })
    expect(aboutSummary(copy.dir, check(copy.dir).findings)).toEqual([])
  })
})

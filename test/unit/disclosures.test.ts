import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkContent } from '../../src/check/check-content.js'
import { packageRoot } from '../../src/config/paths.js'
import { type DisclosureCoverage, disclosureCoverage } from '../../src/disclosures/coverage.js'
import { disclosureItems } from '../../src/disclosures/disclosure-items.js'
import { readDisclosures } from '../../src/disclosures/read-disclosures.js'
import { fixtureLocalesDir, fixtureSiteConfig } from '../helpers/fixture-content.js'
import { parse } from '../helpers/html.js'
import { copyLocales } from '../helpers/locale-copy.js'
import { siteConfigWith } from '../helpers/site-config.js'

const now = new Date('2026-06-01T12:00:00Z')

function coverageOf(localesDir = fixtureLocalesDir, siteConfigPath = fixtureSiteConfig) {
  const checked = checkContent({ localesDir, siteConfigPath, env: { NODE_ENV: 'test' }, now })
  return disclosureCoverage({
    declarations: readDisclosures(localesDir),
    documents: checked.documents,
    site: checked.site,
    languages: checked.site?.languages ?? [],
    now,
  })
}

const rowsOf = (coverage: ReturnType<typeof coverageOf>): DisclosureCoverage['rows'] =>
  'rows' in coverage ? coverage.rows : []
const notTold = (coverage: ReturnType<typeof coverageOf>) =>
  rowsOf(coverage)
    .filter((row) => [...row.answeredBy.values()].some((told) => told.length === 0))
    .map((row) => row.item.id)

describe('what the notice tells of GDPR Art. 13 and 14', () => {
  it('names what the company’s notice lacks, and what tells the rest', () => {
    const coverage = coverageOf()
    expect(notTold(coverage)).toEqual([
      'dpo-contact',
      'legal-basis',
      'transfer-safeguards',
      'requirement',
      'automated-decisions',
      'categories',
    ])
    const rights = rowsOf(coverage).find((row) => row.item.id === 'access')
    expect(Object.fromEntries(rights?.answeredBy ?? [])).toEqual({
      nb: ['#rights'],
      en: ['#rights'],
      zh: ['#rights'],
    })
    // The controller is named by the configuration, not by the notice.
    const controller = rowsOf(coverage).find((row) => row.item.id === 'controller-identity')
    expect(controller?.answeredBy.get('nb')).toEqual(['config/site.json: controller'])
    // One warning for each item nothing tells, at the declarations, saying what to do.
    const warnings = coverage.findings.filter((finding) => finding.level === 'warning')
    expect(warnings).toHaveLength(6)
    expect(warnings.map((finding) => finding.message)).toContainEqual(
      expect.stringMatching(
        /^GDPR Art\. 13\(2\)\(f\), 22, automated decisions and profiling: nothing in the notice in force \(2024\) tells whether decisions are made by machine alone.*add "automated-decisions" to its list here$/,
      ),
    )
    expect(warnings.every((finding) => finding.file.endsWith('locales/disclosures.json'))).toBe(
      true,
    )
  })

  it('counts the controller as missing while the configuration has a placeholder', () => {
    const placeholder = siteConfigWith((json) => {
      json.controller = { name: '[Selskapets registrerte navn]' }
    })
    expect(notTold(coverageOf(fixtureLocalesDir, placeholder))).toContain('controller-identity')
  })

  it('drops the warning once a section declares the item', () => {
    const copy = copyLocales()
    copy.edit('disclosures.json', (json) => {
      json.sections.processing.push('legal-basis')
    })
    const coverage = coverageOf(copy.dir)
    expect(notTold(coverage)).not.toContain('legal-basis')
    expect(coverage.findings.map((finding) => finding.message).join('\n')).not.toContain(
      'legal basis',
    )
  })

  it('names a language whose version lacks the section that tells an item', () => {
    const copy = copyLocales()
    copy.edit('zh/versions/2024.json', (json) => {
      json.sections.transfers.paragraphs = ['']
    })
    const messages = coverageOf(copy.dir).findings.map((finding) => finding.message)
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^GDPR Art\. 13\(1\)\(f\), transfers to other countries: in zh \(not in nb, en\) the notice in force \(2024\) tells/,
      ),
    )
  })

  it('refuses an item it does not know, and names a section the notice does not have', () => {
    const copy = copyLocales()
    copy.edit('disclosures.json', (json) => {
      json.sections.rights.push('right-to-be-forgotten')
      json.sections.retention = ['retention']
    })
    const findings = coverageOf(copy.dir).findings
    const unknown = findings.find((finding) => finding.message.includes('right-to-be-forgotten'))
    expect(unknown).toMatchObject({
      level: 'error',
      file: expect.stringMatching(/disclosures\.json$/),
    })
    expect(unknown?.message).toMatch(
      /is not an item of Art\. 13 or 14: write one of controller-identity, /,
    )
    const text = readFileSync(path.join(copy.dir, 'disclosures.json'), 'utf8').split('\n')
    expect(text[(unknown?.line ?? 0) - 1]).toContain('right-to-be-forgotten')
    expect(findings).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: '"retention" is not a section of the notice in force (2024)',
      }),
    )
  })

  it('without a declarations file, warns that nothing is declared and counts every item but the site’s own as missing', () => {
    const copy = copyLocales()
    rmSync(path.join(copy.dir, 'disclosures.json'))
    const coverage = coverageOf(copy.dir)
    expect(coverage.findings[0]?.message).toMatch(/^disclosures\.json is missing/)
    expect(notTold(coverage)).toHaveLength(disclosureItems.length - 3)
  })
})

describe('npm run report', () => {
  it('writes a page for the legal team: the gaps first, then every item in every language', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'report-')), 'report.html')
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/report.ts', '--locales', fixtureLocalesDir, '--out', out],
      {
        cwd: packageRoot,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, SITE_CONFIG: fixtureSiteConfig },
      },
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(
      /^wrote .*report\.html: 6 of 22 items of GDPR Art\. 13 and 14 not told in the notice in force \(2024\)\n$/,
    )
    const $ = parse(readFileSync(out, 'utf8'))
    expect($('h2').first().text()).toBe('Not told (6 of 22)')
    expect(
      $('ul li strong')
        .map((_, item) => $(item).text())
        .get(),
    ).toEqual([
      'Data protection officer',
      'Legal basis for each purpose',
      'Safeguards for those transfers',
      'Statutory or contractual requirement',
      'Automated decisions and profiling',
      'Categories of data',
    ])
    expect($('tbody tr')).toHaveLength(disclosureItems.length)
    expect(
      $('thead th')
        .map((_, cell) => $(cell).text())
        .get(),
    ).toEqual(['Item', 'Article', 'nb', 'en', 'zh'])
    expect($('script, link[rel="stylesheet"], img')).toHaveLength(0)
  })
})

describe('the staff guide', () => {
  it('explains every item in plain words, with its article', () => {
    const guide = readFileSync(path.join(packageRoot, 'docs', 'staff-guide.md'), 'utf8')
    const rows = guide.split('\n').map((line) => line.split('|').map((cell) => cell.trim()))
    for (const item of disclosureItems) {
      expect(rows).toContainEqual([
        '',
        `\`${item.id}\``,
        item.article,
        `${item.title}: ${item.asks}`,
        '',
      ])
    }
  })
})

describe('with no notice in force', () => {
  it.each([
    ['a version list that does not parse', '{ "versions": ['],
    [
      'only a version still to come',
      JSON.stringify({
        timeZone: 'Europe/Oslo',
        versions: [{ effective: '2099', updated: '2099' }],
      }),
    ],
  ])('gives no table and no crash for %s: the checker names the problem', (_name, text) => {
    const copy = copyLocales()
    copy.write('versions.json', text)
    const coverage = coverageOf(copy.dir)
    expect('rows' in coverage).toBe(false)
    const checked = checkContent({
      localesDir: copy.dir,
      siteConfigPath: fixtureSiteConfig,
      env: { NODE_ENV: 'test' },
      now,
    })
    expect(checked.errors.some((finding) => finding.file.endsWith('versions.json'))).toBe(true)
  })
})

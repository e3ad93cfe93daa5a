import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkContent } from '../../src/check/check-content.js'
import { formatFinding } from '../../src/check/findings.js'
import { packageRoot } from '../../src/config/paths.js'
import { fixtureLocalesDir, fixtureSiteConfig } from '../helpers/fixture-content.js'
import { copyLocales } from '../helpers/locale-copy.js'

const check = (options: { locales?: string; siteConfig?: string; env?: NodeJS.ProcessEnv } = {}) =>
  checkContent({
    localesDir: options.locales ?? fixtureLocalesDir,
    siteConfigPath: options.siteConfig ?? fixtureSiteConfig,
    env: options.env ?? {},
  })
const lines = (result: ReturnType<typeof check>) => result.findings.map(formatFinding)

interface SiteJson {
  languages: string[]
  controller?: { name: string }
  contact: Record<string, unknown>
  authority: Record<string, unknown>
  cookieInventory: unknown[]
  cookieInventoryOfOtherSites?: string
}

/** A copy of the site configuration next to a locale copy, to break. */
function siteCopy(dir: string, change: (json: SiteJson) => void): string {
  const file = path.join(dir, 'site.json')
  const json = JSON.parse(readFileSync(fixtureSiteConfig, 'utf8'))
  change(json)
  writeFileSync(file, JSON.stringify(json, null, 2))
  return file
}

describe('the test content (a copy of the shipped content)', () => {
  it('has no errors, and the warnings point at each slip in the Norwegian text', () => {
    const result = check()
    expect(result.errors).toEqual([])
    expect(lines(result)).toEqual([
      expect.stringMatching(
        /^test\/fixtures\/content\/locales\/nb\/draft\.json:\d+:\d+ {2}warning {2}a digit is glued to a word in "2024til"/,
      ),
      expect.stringMatching(
        /^test\/fixtures\/content\/locales\/nb\/draft\.json:\d+:\d+ {2}warning {2}no space after the colon in "…Merknad:Denne/,
      ),
      expect.stringMatching(
        /^test\/fixtures\/content\/locales\/nb\/draft\.json:\d+:\d+ {2}warning {2}this paragraph ends without .* \("…gyldig for permanent"\)/,
      ),
      expect.stringMatching(
        /^test\/fixtures\/content\/locales\/nb\/draft\.json:\d+:\d+ {2}warning {2}this paragraph ends without .* \("…rmasjon om deg, våre"\)/,
      ),
      expect.stringMatching(
        /^test\/fixtures\/content\/locales\/nb\/draft\.json:\d+:\d+ {2}warning {2}this paragraph ends without .* \("…rmere deg ved e-post"\)/,
      ),
      expect.stringMatching(
        /^test\/fixtures\/content\/locales\/nb\/draft\.json:\d+:\d+ {2}warning {2}this paragraph ends with a colon, but no list follows it/,
      ),
      expect.stringMatching(
        /^test\/fixtures\/content\/locales\/nb\/draft\.json:\d+:\d+ {2}warning {2}a digit is glued to a word in "i3"/,
      ),
      expect.stringMatching(
        /^test\/fixtures\/content\/site\.json:\d+:\d+ {2}warning {2}contact\.email "personvern@example\.com" is a placeholder/,
      ),
      expect.stringMatching(
        /^test\/fixtures\/content\/site\.json:\d+:\d+ {2}warning {2}cookieInventoryOfOtherSites is "not-published": the cookie page says/,
      ),
    ])
  })

  it('points at the exact line and column of a slip', () => {
    const text = readFileSync(path.join(fixtureLocalesDir, 'nb', 'draft.json'), 'utf8').split('\n')
    const glued = check().findings.find((finding) => finding.message.includes('"i3"'))
    expect(text[(glued?.line ?? 0) - 1]?.slice((glued?.column ?? 0) - 1).startsWith('i3 år')).toBe(
      true,
    )
    const colon = check().findings.find((finding) => finding.message.includes('Merknad:Denne'))
    expect(text[(colon?.line ?? 0) - 1]?.slice((colon?.column ?? 0) - 1).startsWith(':Denne')).toBe(
      true,
    )
  })
})

describe('errors staff make', () => {
  it.each([
    [
      'a comma after the last entry',
      '{\n  "a": "x",\n}\n',
      3,
      1,
      'Is there a comma after the last entry',
    ],
    [
      'a missing comma',
      '{\n  "a": "x"\n  "b": "y"\n}\n',
      3,
      3,
      'expected a comma between two entries',
    ],
    [
      'a text not closed',
      '{\n  "a": "x\n}\n',
      2,
      8,
      'a text is not closed: add the closing double quote',
    ],
    ['single quotes', "{\n  'a': 'x'\n}\n", 2, 3, 'every text must be in double quotes'],
  ])(
    'JSON syntax: %s is named with line, column and a plain explanation',
    (_name, text, line, column, message) => {
      const copy = copyLocales()
      copy.write('en/cookies.json', text)
      const found = check({ locales: copy.dir }).errors.find((finding) =>
        finding.file.endsWith('en/cookies.json'),
      )
      expect(found).toMatchObject({ line, column, level: 'error' })
      expect(found?.message).toContain(message)
    },
  )

  it('names keys missing from or extra to a translation, and changed placeholders', () => {
    const copy = copyLocales()
    copy.edit('en/cookies.json', (json) => {
      delete json.table.provider
      json.table.supplier = 'Supplier'
      json.duration.year_one = '{{n}} year'
    })
    const messages = check({ locales: copy.dir }).errors.map((finding) => finding.message)
    expect(messages).toContain(
      `"table.provider" is missing: ${path.relative(packageRoot, copy.dir).startsWith('..') ? path.join(copy.dir, 'nb/cookies.json') : ''} has it`,
    )
    expect(messages.some((message) => message.startsWith('"table.supplier" is not in '))).toBe(true)
    expect(
      messages.some(
        (message) =>
          message.includes('"duration.year_one" uses {{n}} but') &&
          message.includes('uses {{count}}'),
      ),
    ).toBe(true)
  })

  it('names an empty text and a paragraph list that lost a paragraph', () => {
    const copy = copyLocales()
    copy.edit('zh/contact.json', (json) => {
      json.heading = '  '
    })
    copy.edit('en/draft.json', (json) => {
      json.sections.rights.paragraphs.pop()
    })
    const result = check({ locales: copy.dir })
    const messages = [...result.errors, ...result.draftErrors].map((finding) => finding.message)
    expect(messages).toContain(
      '"heading" is empty: write the text, or remove the key from every language',
    )
    expect(
      messages.some((message) => message.startsWith('"sections.rights.paragraphs[2]" is missing')),
    ).toBe(true)
  })

  it('names a key renamed in the Norwegian file there, without blaming the translations', () => {
    const copy = copyLocales()
    copy.edit('nb/contact.json', (json) => {
      json.overskrift = json.heading
      delete json.heading
    })
    const errors = check({ locales: copy.dir }).errors.map((finding) => ({
      file: finding.file.split('/').slice(-2).join('/'),
      message: finding.message,
    }))
    expect(errors).toEqual([
      {
        file: 'nb/contact.json',
        message:
          '"overskrift" is in no translation, and every translation has "heading", which this file lacks: was it renamed here? Give it back its name, or rename it in every language',
      },
    ])
  })

  it('warns about a language folder copied from another and not translated', () => {
    const copy = copyLocales()
    cpSync(path.join(copy.dir, 'en'), path.join(copy.dir, 'de'), { recursive: true })
    copy.edit('de/common.json', (json) => {
      json.language = { name: 'Deutsch', tag: 'de', ogLocale: 'de_DE' }
    })
    const siteConfig = siteCopy(copy.dir, (json) => {
      json.languages = [...json.languages, 'de']
    })
    const copied = check({ locales: copy.dir, siteConfig }).warnings.filter((finding) =>
      finding.message.includes('is it translated?'),
    )
    const namespaces = readdirSync(path.join(copy.dir, 'en')).filter((name) =>
      name.endsWith('.json'),
    )
    expect(copied.map((finding) => path.basename(finding.file)).sort()).toEqual(
      [...namespaces, '2024.json'].sort(),
    )
    for (const finding of copied) {
      expect(finding.file).toContain('/de/')
      expect(finding.message).toMatch(
        /^\d+ of the \d+ texts in this file are the same as in \S+\/en\//,
      )
      expect(finding.message).toContain('visitors choosing this language read en')
    }
  })

  it('names a section without text in one language, and a link that would not be a link', () => {
    const copy = copyLocales()
    copy.edit('zh/draft.json', (json) => {
      delete json.sections.security
      json.sections.cookies.paragraphs[0] = '[点击](javascript:alert(1))'
    })
    const found = check({ locales: copy.dir }).draftErrors
    expect(
      found.some(
        (finding) =>
          finding.file.endsWith('zh/draft.json') &&
          finding.message.startsWith(
            'section "security" is in locales/sections.json but has no text here',
          ),
      ),
    ).toBe(true)
    expect(
      found.some((finding) =>
        finding.message.startsWith('link target "javascript:alert(1" is not allowed'),
      ),
    ).toBe(true)
  })

  it('warns while a fact only the company can give is missing or a placeholder', () => {
    const copy = copyLocales()
    const messagesOf = (change: (json: SiteJson) => void) =>
      check({ locales: copy.dir, siteConfig: siteCopy(copy.dir, change) }).warnings.map(
        (finding) => finding.message,
      )
    expect(
      messagesOf((json) => {
        delete json.controller
        delete json.contact.addressIn
      }),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^controller is missing: no page names the company responsible/),
        expect.stringMatching(/^contact\.addressIn\.zh is missing: the zh pages show the address/),
      ]),
    )
    expect(
      messagesOf((json) => {
        json.controller = { name: '[Selskapets registrerte navn]' }
      }),
    ).toContainEqual(
      expect.stringMatching(/^controller\.name "\[Selskapets registrerte navn\]" is a placeholder/),
    )
    // The test content names its controller, gives the Chinese address: no such warning.
    expect(
      check()
        .warnings.map((finding) => finding.message)
        .join('\n'),
    ).not.toMatch(/^controller|addressIn/m)
  })

  it('refuses a complaint page that is not an https address, and an unknown state of the inventory', () => {
    const copy = copyLocales()
    const siteConfig = siteCopy(copy.dir, (json) => {
      json.cookieInventoryOfOtherSites = 'none'
      json.authority.complaintPages = {
        nb: 'http://www.datatilsynet.no/klage',
        EN: 'https://x.no/',
      }
      json.contact.addressIn = { de: 'Irgendwo' }
    })
    expect(
      check({ locales: copy.dir, siteConfig }).errors.map((finding) => finding.message),
    ).toEqual(
      expect.arrayContaining([
        'authority.complaintPages.nb must be an https:// address',
        'authority.complaintPages.EN "EN" is not a language code such as "nb" or "en"',
        'contact.addressIn.de "de" is not one of the site\'s languages (nb, en, zh)',
        'cookieInventoryOfOtherSites must be "complete" (every cookie on the company\'s other sites is listed) or "not-published"',
      ]),
    )
  })

  it('names cookie inventory mistakes and wrong configuration values at their place', () => {
    const copy = copyLocales()
    const siteConfig = siteCopy(copy.dir, (json) => {
      json.contact.email = 'personvern(at)firma.no'
      json.cookieInventory = [
        {
          name: '_ga',
          provider: 'Google',
          purpose: { nb: 'Statistikk' },
          category: 'tracking',
          duration: '2 years',
          site: 'other',
        },
      ]
    })
    const result = check({
      locales: copy.dir,
      siteConfig,
      env: { BASE_URL: 'personvern.example.no' },
    })
    const messages = result.errors.map(
      (finding) => `${finding.file.replace(/.*\//, '')}:${finding.line}  ${finding.message}`,
    )
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^\(environment\) BASE_URL:1 {2}BASE_URL "personvern\.example\.no" must be an absolute URL/,
        ),
        expect.stringMatching(
          /^site\.json:\d+ {2}contact\.email "personvern\(at\)firma\.no" is not an email address/,
        ),
        expect.stringMatching(
          /^site\.json:\d+ {2}cookieInventory\[0\]\.category "tracking" is not one of necessary, preferences, analytics, marketing/,
        ),
        expect.stringMatching(
          /^site\.json:\d+ {2}cookieInventory\[0\]\.duration "2 years" is not "session" or a period/,
        ),
        expect.stringMatching(/^site\.json:\d+ {2}cookieInventory\[0\]\.purpose\.en is missing/),
      ]),
    )
  })
})

describe('the published versions', () => {
  const messages = (dir: string) =>
    check({ locales: dir }).findings.map(
      (finding) => `${finding.file.replace(`${dir}/`, '')} ${finding.level} ${finding.message}`,
    )

  it('warns that an edited text is not published yet, and names translations that lack the change', () => {
    const copy = copyLocales()
    copy.edit('nb/draft.json', (json) => {
      json.sections.security.paragraphs[0] = 'Vi har skrevet om dette avsnittet.'
    })
    expect(messages(copy.dir)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^nb\/draft\.json warning this text differs from the published version 2024: visitors see the published text until the change is published with npm run publish$/,
        ),
        expect.stringMatching(
          /^en\/draft\.json warning the Norwegian text has changes since version 2024 in "sections\.security\.paragraphs\[0\]" that this translation does not have/,
        ),
        expect.stringMatching(
          /^zh\/draft\.json warning the Norwegian text has changes since version 2024/,
        ),
      ]),
    )
  })

  it('names a version listed out of order, and a listed version without its text', () => {
    const copy = copyLocales()
    copy.edit('versions.json', (json) => {
      json.versions.push({ effective: '2023-06', updated: '2023' })
    })
    expect(messages(copy.dir)).toEqual(
      expect.arrayContaining([
        'versions.json error versions are listed oldest first, each taking effect after the one before: 2023-06 is not after 2024',
        'nb/versions/2023-06.json error the file is missing',
        'en/versions/2023-06.json error the file is missing',
      ]),
    )
  })

  it('names a translated version that lacks a section, and a version file nobody listed', () => {
    const copy = copyLocales()
    copy.edit('en/versions/2024.json', (json) => {
      delete json.sections.transfers
      json.summary = ''
    })
    copy.write('zh/versions/2025.json', '{}')
    expect(messages(copy.dir)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^en\/versions\/2024\.json error "sections\.transfers\.heading" is missing: \S*nb\/versions\/2024\.json has it$/,
        ),
        'en/versions/2024.json error "summary" is empty: write the text, or remove the key from every language',
        'zh/versions/2025.json warning this version is not listed in locales/versions.json, so it is never shown: list it there, or remove the file',
      ]),
    )
  })

  it('names a text with an invisible control character, at its place', () => {
    const copy = copyLocales()
    copy.edit('en/versions/2024.json', (json) => {
      json.summary = 'The first\u000b published version.'
    })
    expect(messages(copy.dir)).toContainEqual(
      expect.stringMatching(
        /^en\/versions\/2024\.json error "summary" holds an invisible control character \(U\+000B\)/,
      ),
    )
  })

  it('names a summary with a link or a placeholder, and a date line without its date', () => {
    const copy = copyLocales()
    copy.edit('nb/versions/2024.json', (json) => {
      json.summary = 'Se [her](https://example.com).'
    })
    copy.edit('nb/draft.json', (json) => {
      json.effective = 'Virkningstidspunkt: snart'
    })
    expect(messages(copy.dir)).toEqual(
      expect.arrayContaining([
        'nb/versions/2024.json error "summary": it may not hold links: write plain text',
        'nb/draft.json error "effective" needs {{date}} where the date goes',
      ]),
    )
  })

  it('names a list of versions with none in force yet', () => {
    const copy = copyLocales()
    copy.edit('versions.json', (json) => {
      json.versions = [{ effective: '2099-01-01', updated: '2026' }]
    })
    for (const lng of ['nb', 'en', 'zh']) {
      copy.write(
        `${lng}/versions/2099-01-01.json`,
        readFileSync(path.join(copy.dir, lng, 'versions', '2024.json'), 'utf8'),
      )
      rmSync(path.join(copy.dir, lng, 'versions', '2024.json'))
    }
    expect(messages(copy.dir)).toContain(
      'versions.json error no version is in force yet: the first takes effect on 2099-01-01, and the site must always show a notice in force',
    )
  })

  it('names a time zone that does not exist', () => {
    const copy = copyLocales()
    copy.edit('versions.json', (json) => {
      json.timeZone = 'Europe/Bergen'
    })
    expect(messages(copy.dir)).toContain(
      'versions.json error "timeZone" must be a time zone such as "Europe/Oslo"',
    )
  })
})

describe('npm run check', () => {
  const run = (env: NodeJS.ProcessEnv = {}, locales = fixtureLocalesDir) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/check.ts', '--locales', locales], {
      cwd: packageRoot,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, SITE_CONFIG: fixtureSiteConfig, ...env },
    })

  it('prints one line per finding, the GDPR Art. 13 and 14 table, and a summary, and exits 0 with warnings only', () => {
    const result = run()
    expect(result.status).toBe(0)
    const [findings = '', table = '', summary] = result.stdout.trim().split('\n\n')
    for (const line of findings.split('\n'))
      expect(line).toMatch(/^\S+:\d+:\d+ {2}(error|warning) {2}\S/)
    const rows = table.split('\n')
    expect(rows[0]).toBe(
      'GDPR Art. 13 and 14: what the notice in force (2024) tells, in each language',
    )
    expect(rows[1]).toMatch(/^ {2}item +article +nb +en +zh +told by$/)
    expect(rows).toContainEqual(
      expect.stringMatching(/^ {2}Legal basis for each purpose +13\(1\)\(c\) +– +– +– +nothing$/),
    )
    expect(rows).toContainEqual(
      expect.stringMatching(/^ {2}Right of access +13\(2\)\(b\), 15 +yes +yes +yes +#rights$/),
    )
    // The content's own 9 warnings, and one for each of the 6 items nothing tells.
    expect(summary).toBe('0 errors, 15 warnings in 31 files checked')
  })

  it('names errors in the notice being written, and exits 0: they hold back no deploy, only a publish', () => {
    const copy = copyLocales()
    copy.write('nb/draft.json', '{ "sections": { ')
    const result = run({}, copy.dir)
    expect(result.stdout).toMatch(/nb\/draft\.json:1:\d+ {2}error {2}JSON syntax/)
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(
      /^\d+ of the errors are in the notice being written \(draft\.json, sections\.json\): the live pages are not affected, but npm run publish refuses until they are fixed$/,
    )
    expect(result.status).toBe(0)
  })

  it('exits 1 when there is an error', () => {
    const copy = copyLocales()
    const siteConfig = siteCopy(copy.dir, (json) => {
      json.cookieInventory = [{ name: 'x' }]
    })
    copyFileSync(siteConfig, path.join(copy.dir, 'broken-site.json'))
    const result = run({ SITE_CONFIG: path.join(copy.dir, 'broken-site.json') })
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(
      /broken-site\.json:\d+:\d+ {2}error {2}cookieInventory\[0\]\.provider is missing/,
    )
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(
      /^\d+ errors?, \d+ warnings? in 31 files checked$/,
    )
  })
})

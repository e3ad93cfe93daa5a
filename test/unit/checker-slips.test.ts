import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkContent } from '../../src/check/check-content.js'
import { formatFinding } from '../../src/check/findings.js'
import { fixtureSiteConfig } from '../helpers/fixture-content.js'
import { copyLocales } from '../helpers/locale-copy.js'

type Copy = ReturnType<typeof copyLocales>

/** The checker's lines about a copy of the test content, paths relative to the copy. */
function findings(copy: Copy, siteConfigPath = fixtureSiteConfig): string[] {
  return checkContent({ localesDir: copy.dir, siteConfigPath, env: {} }).findings.map((finding) =>
    formatFinding(finding).replace(`${copy.dir}/`, ''),
  )
}

/** Changes one raw line of a file, as an editor would. */
function editText(copy: Copy, file: string, change: (text: string) => string): void {
  const absolute = path.join(copy.dir, file)
  writeFileSync(absolute, change(readFileSync(absolute, 'utf8')))
}

describe('mistakes that would damage a page, each named at its place with what to do', () => {
  it.each<[string, (copy: Copy) => void, RegExp]>([
    [
      'a file saved as Latin-1',
      (copy) => {
        const absolute = path.join(copy.dir, 'nb/contact.json')
        writeFileSync(absolute, Buffer.from(readFileSync(absolute, 'utf8'), 'latin1'))
      },
      /^nb\/contact\.json:\d+:\d+ {2}error {2}the file is not saved as UTF-8 .*save it as UTF-8/,
    ],
    [
      'a file saved as UTF-16',
      (copy) => {
        const absolute = path.join(copy.dir, 'nb/contact.json')
        const text = readFileSync(absolute, 'utf8')
        writeFileSync(
          absolute,
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
        )
      },
      /^nb\/contact\.json:1:1 {2}error {2}the file is saved as UTF-16: save it as UTF-8/,
    ],
    [
      'an empty file',
      (copy) => editText(copy, 'nb/contact.json', () => '\n'),
      /^nb\/contact\.json:1:1 {2}error {2}the file is empty/,
    ],
    [
      'Enter pressed inside a text',
      (copy) => editText(copy, 'nb/contact.json', (text) => text.replace('Kontakt', 'Kon\ntakt')),
      /^nb\/contact\.json:\d+:\d+ {2}error {2}JSON syntax: this text goes on to the next line: Enter was pressed inside a text/,
    ],
    [
      'a stray double quote inside a text',
      (copy) =>
        editText(copy, 'nb/contact.json', (text) => text.replace('"Kontakt', '"Kontakt "oss" ')),
      /^nb\/contact\.json:\d+:\d+ {2}error {2}JSON syntax: a double quote \(".*write \\" .* « »/,
    ],
    [
      'a key written twice',
      (copy) =>
        editText(copy, 'nb/contact.json', (text) =>
          text.replace('{\n', '{\n  "heading": "Først",\n'),
        ),
      /^nb\/contact\.json:\d+:\d+ {2}error {2}"heading" is written twice in the same group/,
    ],
    [
      'a direction override pasted into a text',
      (copy) =>
        copy.editNotice('nb', (json) => {
          json.sections.about.heading = `Om oss\u202e`
        }),
      /^nb\/draft\.json:\d+:\d+ {2}error {2}"sections\.about\.heading" holds an invisible character \(U\+202E\)/,
    ],
    [
      'a zero-width space',
      (copy) =>
        copy.editNotice('nb', (json) => {
          json.sections.about.heading = `Om\u200b oss`
        }),
      /^nb\/draft\.json:\d+:\d+ {2}error {2}"sections\.about\.heading" holds an invisible character \(U\+200B\)/,
    ],
    [
      'a link to a part of a page that does not exist',
      (copy) => {
        for (const lng of ['nb', 'en', 'zh']) {
          copy.edit(`${lng}/cookies.json`, (json) => {
            json.questions = json.questions.replace('(page:contact)', '(page:contact#klage)')
          })
        }
      },
      /^nb\/cookies\.json:\d+:\d+ {2}error {2}link target "page:contact#klage": the contact page has no part "klage"\. Its parts are: .*datatilsynet/,
    ],
    [
      'a link that is not closed',
      (copy) =>
        copy.editNotice('nb', (json) => {
          json.sections.about.heading = 'Se [kontakt oss](page:contact'
        }),
      /^nb\/draft\.json:\d+:\d+ {2}error {2}"sections\.about\.heading" has a link that is not closed/,
    ],
    [
      'HTML typed into a text',
      (copy) =>
        copy.editNotice('nb', (json) => {
          json.sections.about.heading = 'Om <b>oss</b>'
        }),
      /^nb\/draft\.json:\d+:\d+ {2}warning {2}"sections\.about\.heading" holds HTML \(<b>\), which visitors see as it is written/,
    ],
    [
      'a paragraph of over 3,000 characters',
      (copy) =>
        copy.editNotice('nb', (json) => {
          json.sections.about.paragraphs[0] = 'Ord. '.repeat(700)
        }),
      /^nb\/draft\.json:\d+:\d+ {2}warning {2}"sections\.about\.paragraphs\[0\]" is 3500 characters long/,
    ],
    [
      'a paragraph of over 20,000 characters',
      (copy) =>
        copy.editNotice('nb', (json) => {
          json.sections.about.paragraphs[0] = 'Ord. '.repeat(4_100)
        }),
      /^nb\/draft\.json:\d+:\d+ {2}error {2}"sections\.about\.paragraphs\[0\]" is 20500 characters long, more than 20000/,
    ],
    [
      'a deleted $schema line',
      (copy) =>
        copy.edit('nb/contact.json', (json) => {
          delete json.$schema
        }),
      /^nb\/contact\.json:1:1 {2}warning {2}the "\$schema" line is missing: put "\$schema": "…\/schemas\/contact\.schema\.json" first/,
    ],
    [
      "another file's $schema",
      (copy) =>
        copy.edit('nb/contact.json', (json) => {
          json.$schema = '../../schemas/cookies.schema.json'
        }),
      /^nb\/contact\.json:\d+:\d+ {2}warning {2}"\$schema" names \.\.\/\.\.\/schemas\/cookies\.schema\.json, but this file is checked by schemas\/contact\.schema\.json/,
    ],
  ])('%s', (_name, change, expected) => {
    const copy = copyLocales()
    change(copy)
    expect(findings(copy)).toContainEqual(expect.stringMatching(expected))
  })

  it('accepts a file saved with a byte-order mark', () => {
    const copy = copyLocales()
    editText(copy, 'nb/contact.json', (text) => `\ufeff${text}`)
    expect(findings(copy).filter((line) => line.includes('contact.json'))).toEqual([])
  })

  it('names letters in the phone number, which the tel: link would dial wrongly', () => {
    const copy = copyLocales()
    const site = path.join(copy.dir, 'site.json')
    const json = JSON.parse(readFileSync(fixtureSiteConfig, 'utf8'))
    json.contact.phone = '+47 22 OO 00 00'
    writeFileSync(site, JSON.stringify(json, null, 2))
    expect(findings(copy, site)).toContainEqual(
      expect.stringMatching(
        /site\.json:\d+:\d+ {2}error {2}contact\.phone "\+47 22 OO 00 00" is not a phone number/,
      ),
    )
  })

  it('names a language written like a path, and reads no file for it', () => {
    const copy = copyLocales()
    const site = path.join(copy.dir, 'site.json')
    const json = JSON.parse(readFileSync(fixtureSiteConfig, 'utf8'))
    json.languages = ['nb', '../en', 'en']
    writeFileSync(site, JSON.stringify(json, null, 2))
    const lines = findings(copy, site)
    expect(lines).toContainEqual(
      expect.stringMatching(
        /site\.json:\d+:\d+ {2}error {2}languages\[1\] "\.\.\/en" is not a language code/,
      ),
    )
    // No locale file of that "language" was read: none is named, missing or not.
    expect(lines.filter((line) => /\.\.\/en\/[\w/]+\.json/.test(line))).toEqual([])
  })
})

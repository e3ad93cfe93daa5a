import { describe, expect, it } from 'vitest'
import { checkContent } from '../../src/check/check-content.js'
import { fixtureSiteConfig } from '../helpers/fixture-content.js'
import { copyLocales } from '../helpers/locale-copy.js'

const findingsIn = (localesDir: string, file: string) =>
  checkContent({ localesDir, siteConfigPath: fixtureSiteConfig, env: {} }).findings.filter(
    (finding) => finding.file.endsWith(file),
  )

describe('the mail texts, checked as every locale file is', () => {
  it('are checked, and the shipped test texts pass', () => {
    const copy = copyLocales()
    expect(findingsIn(copy.dir, 'mail.json').filter((f) => f.level === 'error')).toEqual([])
  })

  it('find a missing text, a changed placeholder and a missing $schema line', () => {
    const copy = copyLocales()
    copy.edit('en/mail.json', (json) => {
      delete json.confirm.notYou
      json.confirm.validity = 'The link is valid for {{hour}} hours.'
    })
    copy.edit('zh/mail.json', (json) => {
      delete json.$schema
    })
    const messages = [
      ...findingsIn(copy.dir, 'en/mail.json'),
      ...findingsIn(copy.dir, 'zh/mail.json'),
    ].map((finding) => `${finding.level} ${finding.message}`)
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^error "confirm.notYou" is missing/),
        expect.stringMatching(/^error "confirm.validity" uses \{\{hour\}\} but .*\{\{hours\}\}/),
        expect.stringMatching(/^warning the "\$schema" line is missing: .*mail\.schema\.json/),
      ]),
    )
  })
})

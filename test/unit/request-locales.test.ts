import { describe, expect, it } from 'vitest'
import { checkContent } from '../../src/check/check-content.js'
import { fixtureSiteConfig } from '../helpers/fixture-content.js'
import { copyLocales } from '../helpers/locale-copy.js'

const findingsIn = (localesDir: string, file: string) =>
  checkContent({ localesDir, siteConfigPath: fixtureSiteConfig, env: {} }).findings.filter(
    (finding) => finding.file.endsWith(file),
  )

describe('the texts of the form for privacy requests, checked as every locale file is', () => {
  it('are checked, and the shipped test texts pass', () => {
    const copy = copyLocales()
    expect(findingsIn(copy.dir, 'request.json').filter((f) => f.level === 'error')).toEqual([])
  })

  it('find a missing text, a changed placeholder and a missing $schema line', () => {
    const copy = copyLocales()
    copy.edit('en/request.json', (json) => {
      delete json.invite.link
      json.dataUse.body = 'We delete a closed request {{month}} months after it was closed.'
    })
    copy.edit('zh/request.json', (json) => {
      delete json.$schema
    })
    const messages = [
      ...findingsIn(copy.dir, 'en/request.json'),
      ...findingsIn(copy.dir, 'zh/request.json'),
    ].map((finding) => `${finding.level} ${finding.message}`)
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^error "invite.link" is missing/),
        expect.stringMatching(/^error "dataUse.body" uses \{\{month\}\} but .*\{\{months\}\}/),
        expect.stringMatching(/^warning the "\$schema" line is missing: .*request\.schema\.json/),
      ]),
    )
  })
})

import { beforeAll, describe, expect, it } from 'vitest'
import type { Translate } from '../../src/content/locales.js'
import { composeMail, type MailInput } from '../../src/mail/compose-mail.js'
import { requestKinds } from '../../src/mail/request-kinds.js'
import { mailLanguages, mailTranslators } from '../helpers/mail-texts.js'

const site = { origin: 'https://personvern.example.no', sender: 'Personvern' }
const base = { name: 'Kari Nordmann', reference: 'PR-2026-0042' }
const inputs: MailInput[] = [
  { ...base, template: 'confirm', kind: 'access', confirmUrl: `${site.origin}/nb/request/abc` },
  {
    ...base,
    template: 'received',
    answerBy: '2027-01-03',
    statusUrl: `${site.origin}/nb/request/status-token`,
  },
  { ...base, template: 'reply', message: 'Line one\nline two\n\nA new paragraph.' },
]

let t: Record<string, Translate> = {}
beforeAll(async () => {
  t = await mailTranslators()
})
const compose = (lng: string, input: MailInput) => composeMail(t[lng] as Translate, site, input)

describe('composing the emails', () => {
  it.each(
    mailLanguages.flatMap((lng) => inputs.map((input) => [lng, input.template, input] as const)),
  )(
    '%s %s: every placeholder filled, in text and HTML, the reference in the subject',
    (lng, _name, input) => {
      const mail = compose(lng, input)
      for (const body of [mail.subject, mail.text, mail.html]) {
        expect(body).not.toMatch(/\{\{|\}\}/)
        expect(body).toContain('PR-2026-0042')
      }
      expect(mail.text).toContain('Kari Nordmann')
      expect(mail.text).toMatch(/Personvern\n$/)
      expect(mail.html).toMatch(/^<!doctype html>\n<html lang="(nb|en|zh-Hans)">/)
    },
  )

  it.each([
    ['nb', '3. januar 2027'],
    ['en', 'January 3, 2027'],
    ['zh', '2027年1月3日'],
  ])('%s writes the answer date as the language does: %s', (lng, date) => {
    expect(compose(lng, inputs[1] as MailInput).text).toContain(date)
  })

  it.each(requestKinds)('has words for the kind of request %s in every language', (kind) => {
    for (const lng of mailLanguages) {
      const mail = compose(lng, { ...(inputs[0] as MailInput & { template: 'confirm' }), kind })
      expect(mail.text).not.toContain(`kinds.${kind}`)
    }
  })

  it('greets without a name when the visitor gave none, or only control characters', () => {
    expect(compose('nb', { ...(inputs[1] as MailInput), name: ' \r\n\t' }).text).toMatch(/^Hei!\n/)
  })

  it('keeps the paragraphs of the staff message, escaped in HTML', () => {
    const mail = compose('en', {
      ...base,
      template: 'reply',
      message: 'a < b\r\nc & d\n\n\n\nnext',
    })
    expect(mail.text).toContain('a < b\nc & d\n\nnext')
    expect(mail.html).toContain('<p>a &lt; b<br>\nc &amp; d</p>\n<p>next</p>')
  })

  it.each([
    'https://evil.test/nb/request/abc',
    'javascript:alert(1)',
    'https://user:pass@personvern.example.no/nb/request/abc',
    '/nb/request/abc',
  ])('links to nothing but the site itself: refuses %s', (confirmUrl) => {
    expect(() => compose('nb', { ...(inputs[0] as MailInput), confirmUrl } as MailInput)).toThrow(
      /link/,
    )
  })

  it('escapes a quote in the link and refuses an empty reference or reply', () => {
    const link = `${site.origin}/nb/request/a"b<c>`
    const mail = compose('nb', { ...(inputs[0] as MailInput), confirmUrl: link } as MailInput)
    expect(mail.html).toContain('href="https://personvern.example.no/nb/request/a%22b%3Cc%3E"')
    expect(() => compose('nb', { ...(inputs[1] as MailInput), reference: '\r\n' })).toThrow(
      'reference',
    )
    expect(() => compose('nb', { ...base, template: 'reply', message: ' \n ' })).toThrow('message')
  })
})

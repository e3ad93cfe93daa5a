import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/environment.js'
import type { Translate } from '../../src/content/locales.js'
import { createMemoryLogger } from '../../src/log/logger.js'
import { composeMail } from '../../src/mail/compose-mail.js'
import { mailConfigFrom } from '../../src/mail/mail-config.js'
import { createMailer } from '../../src/mail/mailer.js'
import { sendMail } from '../../src/mail/send-mail.js'
import { mailTranslators } from '../helpers/mail-texts.js'

const site = { origin: 'http://localhost:3000', sender: 'Personvern' }
let t: Record<string, Translate> = {}
beforeAll(async () => {
  t = await mailTranslators()
})

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function outbox() {
  const root = mkdtempSync(path.join(tmpdir(), 'outbox-'))
  folders.push(root)
  // A folder that does not exist yet: the first email makes it.
  const folder = path.join(root, 'data', 'outbox')
  const logger = createMemoryLogger()
  const mailer = createMailer(
    mailConfigFrom(loadConfig({ NODE_ENV: 'test' }).config, folder),
    logger,
  )
  return { folder, logger, mailer }
}

describe('the outbox, without SMTP_URL', () => {
  it('writes each email as an .eml file, parsed back with the same content, and logs where', async () => {
    const { folder, logger, mailer } = outbox()
    const mail = composeMail(t.zh as Translate, site, {
      template: 'confirm',
      name: '王小明',
      reference: 'PR-2026-0042',
      kind: 'erasure',
      confirmUrl: 'http://localhost:3000/zh/request/abc',
    })
    const sent = await sendMail(mailer, {
      to: { name: '王小明', address: 'xiaoming@example.cn' },
      mail,
    })
    const files = readdirSync(folder)
    expect(files).toHaveLength(1)
    const [file = ''] = files
    expect(file).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[0-9a-f]{16}\.eml$/)
    const parsed = await simpleParser(readFileSync(path.join(folder, file)))
    expect(parsed.messageId).toBe(sent.messageId)
    expect(parsed.subject).toBe(mail.subject)
    expect(parsed.text).toBe(mail.text)
    expect(parsed.html).toBe(mail.html)
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([
      { name: '王小明', address: 'xiaoming@example.cn' },
    ])
    expect(parsed.from?.value).toEqual([{ name: 'Personvern', address: 'personvern@localhost' }])
    expect(logger.lines).toEqual([
      {
        level: 'info',
        message: 'mail written to the outbox',
        fields: { file: path.join(folder, file) },
      },
    ])
  })

  it('names files from the time and a random id only, never from the email', async () => {
    const { folder, mailer } = outbox()
    const name = '../../etc/passwd'
    for (let i = 0; i < 3; i += 1) {
      await sendMail(mailer, {
        to: { name, address: 'eve@example.no' },
        mail: composeMail(t.nb as Translate, site, {
          template: 'reply',
          name,
          reference: '../x',
          message: 'Svar',
        }),
      })
    }
    const files = readdirSync(folder)
    expect(new Set(files).size).toBe(3)
    for (const file of files) expect(file).toMatch(/^[\dTZ-]+-[0-9a-f]{16}\.eml$/)
  })
})

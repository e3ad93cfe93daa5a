import { once } from 'node:events'
import { createServer, type Socket } from 'node:net'
import type { AddressObject } from 'mailparser'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Translate } from '../../src/content/locales.js'
import { createMemoryLogger } from '../../src/log/logger.js'
import { composeMail, type MailInput } from '../../src/mail/compose-mail.js'
import { MailNotSent } from '../../src/mail/mail-not-sent.js'
import { createMailer, type MailTimeouts } from '../../src/mail/mailer.js'
import { sendMail } from '../../src/mail/send-mail.js'
import { freePort } from '../helpers/free-port.js'
import { mailTranslators } from '../helpers/mail-texts.js'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-test-server.js'

const site = { origin: 'https://personvern.example.no', sender: 'Personvern' }
const from = 'Personvern <personvern@example.no>'
const confirmUrl = 'https://personvern.example.no/nb/request/3f9a1c0d2b7e4a6f'
const confirm = (name: string): MailInput => ({
  template: 'confirm',
  name,
  reference: 'PR-2026-0042',
  kind: 'access',
  confirmUrl,
})

let t: Record<string, Translate> = {}
beforeAll(async () => {
  t = await mailTranslators()
})

const servers: TestSmtpServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop()
})

async function server(options?: Parameters<typeof startSmtpServer>[0]): Promise<TestSmtpServer> {
  const started = await startSmtpServer(options)
  servers.push(started)
  return started
}

const mailerFor = (smtpUrl: string, timeouts?: MailTimeouts) =>
  createMailer({ kind: 'smtp', smtpUrl, from }, createMemoryLogger(), timeouts)

const recipients = (to: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(to) ? to : to ? [to] : []).flatMap((group) => group.value)

async function rejection(promise: Promise<unknown>): Promise<MailNotSent> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(MailNotSent)
  return error as MailNotSent
}

describe('emails sent through a real SMTP server', () => {
  it.each([
    [
      'nb',
      'Bekreft e-postadressen din (sak PR-2026-0042)',
      'Hei, Kari Nordmann!',
      'Bekreft e-postadressen',
    ],
    [
      'en',
      'Please confirm your email address (reference PR-2026-0042)',
      'Dear Kari Nordmann,',
      'Confirm my email address',
    ],
    [
      'zh',
      '请确认您的电子邮件地址（编号 PR-2026-0042）',
      'Kari Nordmann，您好：',
      '确认我的电子邮件地址',
    ],
  ])(
    'in %s: the confirmation reaches the visitor, with its link in text and HTML',
    async (lng, subject, greeting, words) => {
      const smtp = await server()
      const mail = composeMail(t[lng] as Translate, site, confirm('Kari Nordmann'))
      const sent = await sendMail(mailerFor(smtp.url), {
        to: { name: 'Kari Nordmann', address: 'kari@example.no' },
        mail,
      })
      expect(sent.messageId).toMatch(/^<.+@.+>$/)
      const [received] = smtp.received
      expect(smtp.received).toHaveLength(1)
      expect(received?.envelopeFrom).toBe('personvern@example.no')
      expect(received?.envelopeTo).toEqual(['kari@example.no'])
      expect(recipients(received?.parsed.to)).toEqual([
        { name: 'Kari Nordmann', address: 'kari@example.no' },
      ])
      expect(received?.parsed.from?.value).toEqual([
        { name: 'Personvern', address: 'personvern@example.no' },
      ])
      expect(received?.parsed.subject).toBe(subject)
      expect(received?.parsed.text).toContain(greeting)
      expect(received?.parsed.text).toContain(`\n${confirmUrl}\n`)
      expect(received?.parsed.text).toContain('PR-2026-0042')
      expect(received?.parsed.text).toContain('24')
      expect(received?.parsed.html).toContain(`<a href="${confirmUrl}">${words}</a>`)
      expect(received?.parsed.html).toContain(`<html lang="${lng === 'zh' ? 'zh-Hans' : lng}">`)
      // Every link in the HTML goes to the site itself.
      const links = [...String(received?.parsed.html).matchAll(/href="([^"]*)"/g)].map((m) => m[1])
      expect(links).toEqual([confirmUrl])
    },
  )

  it('sends the receipt and the staff reply in the visitor language', async () => {
    const smtp = await server()
    const mailer = mailerFor(smtp.url)
    const to = { name: 'Kari Nordmann', address: 'kari@example.no' }
    const base = { name: 'Kari Nordmann', reference: 'PR-2026-0042' }
    await sendMail(mailer, {
      to,
      mail: composeMail(t.nb as Translate, site, {
        ...base,
        template: 'received',
        answerBy: '2027-01-03',
        statusUrl: `${site.origin}/nb/request/status-token`,
      }),
    })
    await sendMail(mailer, {
      to,
      mail: composeMail(t.zh as Translate, site, {
        ...base,
        template: 'reply',
        message: '我们已删除您的数据。\n\n<b>不是标记</b>',
      }),
    })
    const [receipt, reply] = smtp.received.map((received) => received.parsed)
    expect(receipt?.subject).toBe('Vi har mottatt forespørselen din (sak PR-2026-0042)')
    expect(receipt?.text).toContain('Du får svar fra oss senest 3. januar 2027.')
    expect(reply?.subject).toBe('关于您请求的答复（编号 PR-2026-0042）')
    expect(reply?.text).toContain('我们已删除您的数据。\n\n<b>不是标记</b>')
    expect(reply?.html).toContain('<p>&lt;b&gt;不是标记&lt;/b&gt;</p>')
  })

  it('shows a hostile name as text, never as markup', async () => {
    const smtp = await server()
    const name = '<script>alert(1)</script> & "Eve"'
    await sendMail(mailerFor(smtp.url), {
      to: { name, address: 'eve@example.no' },
      mail: composeMail(t.en as Translate, site, confirm(name)),
    })
    const parsed = smtp.received[0]?.parsed
    expect(parsed?.html).toContain(
      'Dear &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Eve&quot;,',
    )
    expect(parsed?.html).not.toContain('<script')
    expect(parsed?.text).toContain(`Dear ${name},`)
    expect(recipients(parsed?.to)).toEqual([{ name, address: 'eve@example.no' }])
  })

  it('lets no name, subject or reference add a header or a recipient', async () => {
    const smtp = await server()
    const name = 'Eve\r\nBcc: x@evil.test'
    const mail = composeMail(t.en as Translate, site, {
      ...confirm(name),
      reference: 'PR-1\r\nBcc: y@evil.test',
    })
    await sendMail(mailerFor(smtp.url), {
      to: { name, address: 'eve@example.no' },
      mail: { ...mail, subject: 'Hello\r\nBcc: z@evil.test\nX-Injected: 1' },
    })
    const [received] = smtp.received
    expect(received?.envelopeTo).toEqual(['eve@example.no'])
    expect(recipients(received?.parsed.to)).toEqual([
      { name: 'Eve Bcc: x@evil.test', address: 'eve@example.no' },
    ])
    expect(received?.parsed.bcc).toBeUndefined()
    expect(received?.parsed.cc).toBeUndefined()
    expect(received?.parsed.headers.has('bcc')).toBe(false)
    expect(received?.parsed.headers.has('x-injected')).toBe(false)
    expect(received?.raw).not.toMatch(/^(bcc|x-injected):/im)
    expect(received?.parsed.subject).toBe('Hello Bcc: z@evil.test X-Injected: 1')
  })

  it('quotes a display name with commas, quotes and angle brackets: still one recipient', async () => {
    const smtp = await server()
    const name = 'Doe, "Jane" <jane@evil.test>; x@evil.test'
    await sendMail(mailerFor(smtp.url), {
      to: { name, address: 'jane@example.no' },
      mail: composeMail(t.nb as Translate, site, confirm(name)),
    })
    const [received] = smtp.received
    expect(received?.envelopeTo).toEqual(['jane@example.no'])
    expect(recipients(received?.parsed.to)).toEqual([{ name, address: 'jane@example.no' }])
  })

  it.each([
    'eve@example.no\r\nBcc: x@evil.test',
    'eve@example.no, x@evil.test',
    'Eve <eve@example.no>',
    `${'a'.repeat(250)}@example.no`,
    '',
  ])('refuses the address %j, sending nothing', async (address) => {
    const smtp = await server()
    const error = await rejection(
      sendMail(mailerFor(smtp.url), {
        to: { name: 'Eve', address },
        mail: composeMail(t.nb as Translate, site, confirm('Eve')),
      }),
    )
    expect(error.retryable).toBe(false)
    expect(error.message).toContain('not one valid email address')
    expect(smtp.received).toEqual([])
  })
})

describe('SMTP with a login', () => {
  const login = { user: 'personvern', pass: 's3cret:p@ss' }
  const url = (smtp: TestSmtpServer, pass: string) =>
    `smtp://${login.user}:${encodeURIComponent(pass)}@127.0.0.1:${smtp.port}`

  it('logs in with the user and password of SMTP_URL', async () => {
    const smtp = await server({ login })
    await sendMail(mailerFor(url(smtp, login.pass)), {
      to: { name: 'Kari', address: 'kari@example.no' },
      mail: composeMail(t.nb as Translate, site, confirm('Kari')),
    })
    expect(smtp.received.map((received) => received.user)).toEqual(['personvern'])
  })

  it('fails with a wrong password, not retryable, and names the server reply', async () => {
    const smtp = await server({ login })
    const error = await rejection(
      sendMail(mailerFor(url(smtp, 'wrong')), {
        to: { name: 'Kari', address: 'kari@example.no' },
        mail: composeMail(t.nb as Translate, site, confirm('Kari')),
      }),
    )
    expect(error).toMatchObject({ retryable: false, code: 'EAUTH', responseCode: 535 })
    expect(smtp.received).toEqual([])
  })
})

describe('SMTP over TLS', () => {
  it('speaks TLS from the first byte with smtps://', async () => {
    const smtp = await server({ tls: true, login: { user: 'personvern', pass: 'secret' } })
    // The test certificate is its own authority; a real server's is checked as usual.
    await sendMail(mailerFor(`${smtp.url}?tls.rejectUnauthorized=false`), {
      to: { name: 'Kari', address: 'kari@example.no' },
      mail: composeMail(t.nb as Translate, site, confirm('Kari')),
    })
    expect(smtp.received.map(({ secure, user }) => ({ secure, user }))).toEqual([
      { secure: true, user: 'personvern' },
    ])
  })

  it('refuses a certificate it cannot verify, not retryable', async () => {
    const smtp = await server({ tls: true })
    const error = await rejection(
      sendMail(mailerFor(smtp.url), {
        to: { name: 'Kari', address: 'kari@example.no' },
        mail: composeMail(t.nb as Translate, site, confirm('Kari')),
      }),
    )
    expect(error.message).toMatch(/self[- ]signed/i)
    // A certificate that fails is a mistake of configuration: trying again will not help.
    expect(error.retryable).toBe(false)
    expect(smtp.received).toEqual([])
  })
})

describe('when the mail server fails', () => {
  const mail = () => composeMail(t.nb as Translate, site, confirm('Kari'))
  const to = { name: 'Kari', address: 'kari@example.no' }

  it('rejects, retryable, when the server is down, with the reason', async () => {
    const smtp = await startSmtpServer()
    await smtp.stop()
    const error = await rejection(sendMail(mailerFor(smtp.url), { to, mail: mail() }))
    expect(error.retryable).toBe(true)
    expect(['ECONNECTION', 'ESOCKET']).toContain(error.code)
    expect(error.message).toMatch(/^mail not sent: .*ECONNREFUSED.*127\.0\.0\.1/)
  })

  it('rejects, retryable, when the server never answers', async () => {
    const silent = createServer((socket: Socket) => socket.on('error', () => undefined))
    const sockets: Socket[] = []
    silent.on('connection', (socket) => sockets.push(socket))
    const port = await freePort()
    silent.listen(port, '127.0.0.1')
    await once(silent, 'listening')
    try {
      const timeouts = { connectMs: 500, greetingMs: 300, idleMs: 500 }
      const error = await rejection(
        sendMail(mailerFor(`smtp://127.0.0.1:${port}`, timeouts), { to, mail: mail() }),
      )
      expect(error).toMatchObject({ retryable: true, code: 'ETIMEDOUT' })
    } finally {
      for (const socket of sockets) socket.destroy()
      silent.close()
    }
  })

  it.each([
    [450, true],
    [550, false],
  ])('a %i reply to the recipient is retryable: %s', async (code, retryable) => {
    const smtp = await server({ refuseRecipient: code })
    const error = await rejection(sendMail(mailerFor(smtp.url), { to, mail: mail() }))
    expect(error).toMatchObject({ retryable, responseCode: code })
  })
})

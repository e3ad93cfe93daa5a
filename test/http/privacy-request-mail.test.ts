import request from 'supertest'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MailConfig } from '../../src/mail/mail-config.js'
import type { Store } from '../../src/store/open-store.js'
import { retryDelayMs } from '../../src/store/retry-delay.js'
import { freePort } from '../helpers/free-port.js'
import {
  createRequestSite,
  emptyRecords,
  linkIn,
  openRequestStore,
  type RequestSite,
  requestDatabase,
  rowCounts,
} from '../helpers/request-site.js'
import { requestForm } from '../helpers/request-texts.js'
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp-test-server.js'
import { storeKinds } from '../helpers/store-under-test.js'
import { testBaseUrl } from '../helpers/test-site.js'

const smtpTo = (url: string): MailConfig => ({
  kind: 'smtp',
  smtpUrl: url,
  from: 'Personvern <personvern@example.no>',
})
const quickTimeouts = { connectMs: 2_000, greetingMs: 2_000, idleMs: 5_000 }

/** The header lines of a raw message, folded lines joined as a mail program reads them. */
const headerLines = (raw: string) =>
  (raw.split(/\r?\n\r?\n/)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)

describe.each(storeKinds())(
  'the emails of a request, through a real SMTP server, on %s',
  (kind) => {
    let database: Awaited<ReturnType<typeof requestDatabase>>
    let store: Store
    const sites: RequestSite[] = []
    const servers: TestSmtpServer[] = []
    beforeAll(async () => {
      database = await requestDatabase(kind)
      store = await openRequestStore(database)
    }, 60_000)
    afterAll(async () => {
      await store?.close()
      await database?.stop()
    })
    beforeEach(async () => {
      await emptyRecords(store)
    })
    afterEach(async () => {
      for (const site of sites.splice(0)) await site.close()
      for (const server of servers.splice(0)) await server.stop()
    })
    const newSite = async (options: Parameters<typeof createRequestSite>[1]) => {
      const site = await createRequestSite(database, { mailTimeouts: quickTimeouts, ...options })
      sites.push(site)
      return site
    }
    const newServer = async (options: Parameters<typeof startSmtpServer>[0] = {}) => {
      const server = await startSmtpServer(options)
      servers.push(server)
      return server
    }
    const post = (site: RequestSite, body: Record<string, string>) =>
      request(site.app).post('/nb/request').set('Origin', testBaseUrl).type('form').send(body)
    const theMail = () => store.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow()

    it.each([
      ['CR LF', 'Eve\r\nBcc: evil@example.net'],
      ['LF alone', 'Eve\nBcc: evil@example.net'],
      ['CR alone', 'Eve\rBcc: evil@example.net'],
      ['an encoded line break', 'Eve=?utf-8?Q?=0D=0A?=Bcc: evil@example.net'],
    ])('a name with %s adds no header and no recipient', async (_name, name) => {
      const server = await newServer()
      const site = await newSite({ mail: smtpTo(server.url) })
      const email = 'kari@example.no'
      await post(site, requestForm({ name, email })).expect(200)
      await (await site.desk?.outbox())?.sendDue()
      await vi.waitFor(() => expect(server.received).toHaveLength(1))
      const [mail] = server.received
      if (!mail) throw new Error('no mail')
      expect(mail.envelopeTo).toEqual([email])
      const to = Array.isArray(mail.parsed.to) ? mail.parsed.to : [mail.parsed.to]
      expect(to.flatMap((group) => group?.value ?? [])).toHaveLength(1)
      expect(to[0]?.value[0]?.address).toBe(email)
      expect(to[0]?.value[0]?.name).not.toMatch(/[\r\n]/)
      expect(mail.parsed.bcc).toBeUndefined()
      expect(mail.parsed.cc).toBeUndefined()
      const lines = headerLines(mail.raw)
      expect(lines.filter((line) => /^(bcc|cc):/i.test(line))).toEqual([])
      expect(lines.filter((line) => /^to:/i.test(line))).toHaveLength(1)
      expect(mail.raw).not.toContain('evil@example.net>')
      expect(mail.parsed.text ?? '').not.toMatch(/^Bcc:/m)
    })

    it('a mail server that is down: the request is taken, its mail sent once after a restart', async () => {
      const port = await freePort()
      const first = await newSite({ mail: smtpTo(`smtp://127.0.0.1:${port}`) })
      const before = Date.now()
      await post(first, requestForm()).expect(200)
      expect(await rowCounts(store)).toMatchObject({ privacy_requests: 1, mail_outbox: 1 })
      await (await first.desk?.outbox())?.sendDue()
      // The post's own round may still be trying: wait for its failure to be recorded.
      await vi.waitFor(async () => expect((await theMail()).attempts).toBe(1), { timeout: 10_000 })
      const failed = await theMail()
      expect(failed.sent_at).toBeNull()
      expect(failed.last_error).toBeTruthy()
      expect(Date.parse(failed.next_attempt_at)).toBeGreaterThanOrEqual(before + retryDelayMs(1))
      expect(first.logger.lines.some((line) => line.message.includes('trying again later'))).toBe(
        true,
      )
      await first.close()
      sites.splice(sites.indexOf(first), 1)

      // The mail server is back where it was; the site restarts after the retry's time.
      const server = await newServer({ port })
      const later = Date.parse(failed.next_attempt_at) + 1_000
      const second = await newSite({
        mail: smtpTo(server.url),
        now: () => new Date(later),
      })
      const outbox = await second.desk?.outbox()
      await outbox?.sendDue()
      await vi.waitFor(() => expect(server.received).toHaveLength(1))
      expect(await outbox?.sendDue()).toBe(0)
      expect(server.received).toHaveLength(1)
      const sent = await theMail()
      expect(sent.sent_at).not.toBeNull()
      expect(server.received[0]?.envelopeTo).toEqual([requestForm().email])
      // Its link works.
      const link = linkIn(server.received[0]?.parsed as never, testBaseUrl)
      await request(second.app).get(link.pathname).expect(200)
    }, 30_000)

    it('a recipient refused for good (550) is given up and logged, the request kept', async () => {
      const server = await newServer({ refuseRecipient: 550 })
      let ahead = 0
      const site = await newSite({
        mail: smtpTo(server.url),
        now: () => new Date(Date.now() + ahead),
      })
      await post(site, requestForm()).expect(200)
      await (await site.desk?.outbox())?.sendDue()
      await vi.waitFor(async () => expect((await theMail()).attempts).toBe(1), { timeout: 10_000 })
      const given = await theMail()
      expect(given.sent_at).toBeNull()
      expect(given.last_error).toContain('550')
      const logged = site.logger.lines.filter(
        (line) => line.message === 'mail not sent and given up',
      )
      expect(logged).toHaveLength(1)
      expect(logged[0]?.level).toBe('error')
      expect(JSON.stringify(logged)).not.toContain(requestForm().email)

      // Not tried again, however long one waits.
      ahead = 30 * 86_400_000
      expect(await (await site.desk?.outbox())?.sendDue()).toBe(0)
      expect((await theMail()).attempts).toBe(1)
      expect(server.received).toHaveLength(0)
      expect(await rowCounts(store)).toMatchObject({ privacy_requests: 1, mail_outbox: 1 })
    }, 30_000)
  },
)

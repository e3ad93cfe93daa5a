import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type ParsedMail, simpleParser } from 'mailparser'
import type { MailConfig } from '../../src/mail/mail-config.js'
import { type PostgresServer, startPostgres } from './postgres-server.js'
import { siteConfigWith } from './site-config.js'
import type { StoreKind } from './store-under-test.js'
import { createTestSite, type TestSite } from './test-site.js'

/** A site config of the test content with the request form on. */
export const requestsOnConfig = (retentionMonths = 12) =>
  siteConfigWith((json) => {
    json.privacyRequests = { enabled: true, retentionMonths }
  })

export const testRequestsSecret = 'the requests secret of the http tests, 32+ characters'

export interface RequestSite extends TestSite {
  /** Where the emails go without SMTP: one .eml file each. */
  readonly outboxFolder: string
  /** The emails in the outbox folder, parsed, oldest first. */
  outboxMails(): Promise<ParsedMail[]>
  /** The database the site keeps requests in, for a second site on the same records. */
  readonly env: NodeJS.ProcessEnv
  readonly sqlitePath: string
  close(): Promise<void>
}

/** A database of a kind for one describe block: a SQLite file, or a PostgreSQL of its own. */
export async function requestDatabase(
  kind: StoreKind,
): Promise<{ env: NodeJS.ProcessEnv; sqlitePath: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'requests-'))
  let server: PostgresServer | undefined
  if (kind === 'postgres') server = await startPostgres()
  return {
    env: server ? { DATABASE_URL: server.url } : {},
    sqlitePath: path.join(dir, 'requests.sqlite'),
    async stop() {
      await server?.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The test content with the form on, its records in the given database, its mail of its own. */
export async function createRequestSite(
  database: { env: NodeJS.ProcessEnv; sqlitePath: string },
  options: { mail?: MailConfig; now?: () => Date; retentionMonths?: number } = {},
): Promise<RequestSite> {
  const outboxFolder = mkdtempSync(path.join(tmpdir(), 'request-outbox-'))
  const env = {
    SITE_CONFIG: requestsOnConfig(options.retentionMonths),
    REQUESTS_SECRET: testRequestsSecret,
    ...database.env,
  }
  const site = await createTestSite({
    env,
    requests: {
      sqlitePath: database.sqlitePath,
      mail: options.mail ?? {
        kind: 'outbox',
        folder: outboxFolder,
        from: 'Personvern <personvern@localhost>',
      },
      // The tests send the due mails themselves (sendDue): no round runs on its own.
      outboxIntervalMs: 3_600_000,
      ...(options.now ? { now: options.now } : {}),
    },
  })
  return {
    ...site,
    outboxFolder,
    env,
    sqlitePath: database.sqlitePath,
    async outboxMails() {
      const files = readdirSync(outboxFolder)
        .filter((name) => name.endsWith('.eml'))
        .sort()
      return Promise.all(
        files.map((name) => simpleParser(readFileSync(path.join(outboxFolder, name)))),
      )
    },
    async close() {
      await site.desk?.close()
      rmSync(outboxFolder, { recursive: true, force: true })
    },
  }
}

/** The one link to the site in an email's plain text. */
export function linkIn(mail: ParsedMail, origin: string): URL {
  const found = (mail.text ?? '').split(/\s+/).filter((word) => word.startsWith(origin))
  if (found.length !== 1) throw new Error(`expected one link to ${origin}, found ${found.length}`)
  return new URL(found[0] as string)
}

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type ParsedMail, simpleParser } from 'mailparser'
import type { MailConfig } from '../../src/mail/mail-config.js'
import type { MailTimeouts } from '../../src/mail/mailer.js'
import type { RequestRecords } from '../../src/requests/request-records.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { openStore, type Store } from '../../src/store/open-store.js'
import { type PostgresServer, startPostgres } from './postgres-server.js'
import { siteConfigWith } from './site-config.js'
import type { StoreKind } from './store-under-test.js'
import { createTestSite, type TestSite } from './test-site.js'

const onConfigs = new Map<number, string>()

/** A site config of the test content with the request form on (one file per months, so built once). */
export function requestsOnConfig(retentionMonths = 12): string {
  let file = onConfigs.get(retentionMonths)
  if (!file) {
    file = siteConfigWith((json) => {
      json.privacyRequests = { enabled: true, retentionMonths }
    })
    onConfigs.set(retentionMonths, file)
  }
  return file
}

export const testRequestsSecret = 'the requests secret of the http tests, 32+ characters'

export interface RequestSite extends TestSite {
  /** Where the emails go without SMTP: one .eml file each. */
  readonly outboxFolder: string
  /** The emails in the outbox folder, parsed, oldest first. */
  outboxMails(): Promise<ParsedMail[]>
  /** The database the site keeps requests in, for a second site on the same records. */
  readonly env: NodeJS.ProcessEnv
  readonly sqlitePath: string
  /** The site's own records (opening them as its first request would). */
  records(): Promise<RequestRecords>
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
  options: {
    mail?: MailConfig
    mailTimeouts?: MailTimeouts
    now?: () => Date
    retentionMonths?: number
  } = {},
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
      ...(options.mailTimeouts ? { mailTimeouts: options.mailTimeouts } : {}),
    },
  })
  return {
    ...site,
    outboxFolder,
    env,
    sqlitePath: database.sqlitePath,
    async records() {
      if (!site.desk) throw new Error('a request site always has a desk')
      return site.desk.records()
    },
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

/** The database of a request site opened on its own, as staff or another process would see it. */
export async function openRequestStore(database: {
  env: NodeJS.ProcessEnv
  sqlitePath: string
}): Promise<Store> {
  const store = openStore({
    databaseUrl: database.env.DATABASE_URL,
    sqlitePath: database.sqlitePath,
  })
  await migrateToLatest(store.db)
  return store
}

/** Empties every table of the records: each test starts with no requests and no counts. */
export async function emptyRecords(store: Store): Promise<void> {
  await store.db.deleteFrom('mail_outbox').execute()
  await store.db.deleteFrom('request_messages').execute()
  await store.db.deleteFrom('privacy_requests').execute()
  await store.db.deleteFrom('request_limits').execute()
}

/** How many rows each table of the records holds. */
export async function rowCounts(store: Store): Promise<Record<string, number>> {
  const tables = ['privacy_requests', 'request_messages', 'mail_outbox'] as const
  const counts = await Promise.all(
    tables.map(async (table) => {
      const row = await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow()
      return [table, Number(row.count)] as const
    }),
  )
  return Object.fromEntries(counts)
}

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type ParsedMail, simpleParser } from 'mailparser'
import { createApp } from '../../src/app.js'
import { buildSite, type SiteBuild } from '../../src/build/build-site.js'
import { defaultSources } from '../../src/build/site-sources.js'
import { loadConfig } from '../../src/config/environment.js'
import { pageNames, pagePath, requestPath } from '../../src/config/site-pages.js'
import { createHttpServer } from '../../src/http/http-server.js'
import { createRequestHandler } from '../../src/http/request-handler.js'
import { createMemoryLogger } from '../../src/log/logger.js'
import { type RequestDesk, requestDesk } from '../../src/request-desk/request-desk.js'
import { fixtureLocalesDir, fixtureSiteConfig } from '../helpers/fixture-content.js'
import { freePort } from '../helpers/free-port.js'
import { requestsOnConfig, testRequestsSecret } from '../helpers/request-site.js'
import { readSiteConfig } from '../helpers/site-config.js'

export interface RunningSite {
  readonly origin: string
  readonly site: SiteBuild
  /** With `requests`: where the site keeps privacy requests, and the emails it sent. */
  readonly requests?: {
    readonly desk: RequestDesk
    readonly outboxFolder: string
    /** The emails in the outbox folder, parsed, oldest first. */
    outboxMails(): Promise<ParsedMail[]>
  }
  close(): Promise<void>
}

/** A request desk of the site's own: records in a temporary SQLite file, emails as .eml files. */
function temporaryDesk(deskOptions: Omit<Parameters<typeof requestDesk>[0], 'sqlitePath'>) {
  const folder = mkdtempSync(path.join(tmpdir(), 'e2e-requests-'))
  const outboxFolder = path.join(folder, 'outbox')
  const desk = requestDesk({
    ...deskOptions,
    sqlitePath: path.join(folder, 'requests.sqlite'),
    mail: { kind: 'outbox', folder: outboxFolder, from: 'Personvern <personvern@localhost>' },
    // The tests send the due mails themselves (sendDue): no round runs on its own.
    outboxIntervalMs: 3_600_000,
  })
  return {
    desk,
    outboxFolder,
    async outboxMails() {
      const files = readdirSync(outboxFolder, { withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.eml'))
        .map((entry) => entry.name)
        .sort()
      return Promise.all(
        files.map((name) => simpleParser(readFileSync(path.join(outboxFolder, name)))),
      )
    },
    async close() {
      await desk.close()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

/**
 * The real server in this process, on a free loopback port, with BASE_URL set to its own
 * address so that canonical links and the form's origin check match what the browser sees.
 * It serves the test content unless told otherwise (`shipped` serves `locales/` and
 * `config/site.json` as staff left them). With `requests`, the request form is on (in the test
 * content's configuration, unless SITE_CONFIG says otherwise) and a request desk of its own keeps
 * the records and the emails, removed on close.
 */
export async function startSite(
  env: NodeJS.ProcessEnv = {},
  options: { localesDir?: string; now?: Date; shipped?: boolean; requests?: boolean } = {},
): Promise<RunningSite> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const { config } = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: origin,
    COOKIE_SECRET: 'an-e2e-test-secret-long-enough-to-sign',
    ...(options.shipped ? {} : { SITE_CONFIG: fixtureSiteConfig }),
    ...(options.requests
      ? {
          REQUESTS_SECRET: testRequestsSecret,
          ...(options.shipped ? {} : { SITE_CONFIG: requestsOnConfig() }),
        }
      : {}),
    ...env,
  })
  const localesDir = options.localesDir ?? (options.shipped ? undefined : fixtureLocalesDir)
  const sources = localesDir ? { ...defaultSources, localesDir } : defaultSources
  const site = await buildSite(config, sources, options.now)
  const current = () => site
  const logger = createMemoryLogger()
  const requests = options.requests ? temporaryDesk({ config, current, logger }) : undefined
  const deps = { config, current, logger, ...(requests ? { requests: requests.desk } : {}) }
  const server: Server = createHttpServer(createRequestHandler(deps, createApp(deps)))
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    origin,
    site,
    ...(requests ? { requests } : {}),
    async close() {
      await new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
      await requests?.close()
    },
  }
}

/** Every page of every language a site configuration lists, the request form when it is on. */
export function pagePathsOf(env: NodeJS.ProcessEnv): string[] {
  const { config } = loadConfig({ NODE_ENV: 'test', ...env })
  const site = readSiteConfig(config.siteConfigPath)
  return site.languages.flatMap((lng) => [
    ...pageNames.map((page) => pagePath(lng, page)),
    ...(site.privacyRequests.enabled ? [requestPath(lng)] : []),
  ])
}

/** The pages of the shipped content, and of the test content. */
export const shippedPagePaths = pagePathsOf({})
export const pagePaths = pagePathsOf({ SITE_CONFIG: fixtureSiteConfig })

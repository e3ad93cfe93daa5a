import type { RequestListener } from 'node:http'
import path from 'node:path'
import type { Express } from 'express'
import { createApp } from '../../src/app.js'
import { buildSite, type SiteBuild } from '../../src/build/build-site.js'
import { defaultSources, type SiteSources } from '../../src/build/site-sources.js'
import { type Config, loadConfig } from '../../src/config/environment.js'
import { packageRoot } from '../../src/config/paths.js'
import { createRequestHandler } from '../../src/http/request-handler.js'
import { createMemoryLogger } from '../../src/log/logger.js'
import { quickCompression } from '../../src/prepare/prepared-response.js'
import {
  type RequestDesk,
  type RequestDeskOptions,
  requestDesk,
} from '../../src/request-desk/request-desk.js'
import { fixtureLocalesDir, fixtureSiteConfig } from './fixture-content.js'

export const testBaseUrl = 'https://personvern.example.no'
export const testCookieSecret = 'a-test-secret-that-is-long-enough-to-sign'
export const fixture = (name: string) => path.join(packageRoot, 'test', 'fixtures', name)

export interface TestSite {
  /** What the server runs: the fast path for prepared responses, then the Express app. */
  app: RequestListener
  /** The Express app alone, without the fast path. */
  expressApp: Express
  site: SiteBuild
  config: Config
  logger: ReturnType<typeof createMemoryLogger>
  /** With `requests` given: where the site keeps privacy requests. */
  desk: RequestDesk | undefined
}

/**
 * Builds of the test content, which no test changes, made once per test file and shared: the
 * apps built on them are fresh for every test (their own rate limits, their own log).
 */
const unchangedBuilds = new Map<string, Promise<SiteBuild>>()

function build(config: Config, sources: Partial<SiteSources> | undefined, now: Date | undefined) {
  const all = {
    ...defaultSources,
    localesDir: fixtureLocalesDir,
    // Most tests never look at compressed sizes: the best compression only where asked for.
    compression: quickCompression,
    ...sources,
  }
  // Only builds of the unchanged test content are shared: any other source is built afresh.
  const others = Object.keys(sources ?? {}).filter((key) => key !== 'compression')
  const unchanged =
    others.every((key) => key === 'localesDir') && all.localesDir === fixtureLocalesDir
  if (!unchanged) return buildSite(config, all, now)
  const key = JSON.stringify([config, all.compression, now ?? null])
  let built = unchangedBuilds.get(key)
  if (!built) {
    // Without a time given, the build is of the first call's moment, as a fresh build would be.
    built = buildSite(config, all, now)
    unchangedBuilds.set(key, built)
  }
  return built
}

/** The real request handler on the test content (or given sources), as the server builds it. */
export async function createTestSite(
  options: {
    env?: NodeJS.ProcessEnv
    sources?: Partial<SiteSources>
    now?: Date
    wrap?: (site: SiteBuild) => SiteBuild
    /** A store and mail of the test's own for privacy requests; none: the post gets 503. */
    requests?: Omit<RequestDeskOptions, 'config' | 'current' | 'logger'>
  } = {},
): Promise<TestSite> {
  const { config } = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: testBaseUrl,
    COOKIE_SECRET: testCookieSecret,
    SITE_CONFIG: fixtureSiteConfig,
    ...options.env,
  })
  const built = await build(config, options.sources, options.now)
  const site = options.wrap ? options.wrap(built) : built
  const logger = createMemoryLogger()
  const current = () => site
  const desk = options.requests && requestDesk({ ...options.requests, config, current, logger })
  const deps = { config, current, logger, ...(desk ? { requests: desk } : {}) }
  return {
    app: createRequestHandler(deps, createApp(deps)),
    expressApp: createApp(deps),
    site,
    config,
    logger,
    desk,
  }
}

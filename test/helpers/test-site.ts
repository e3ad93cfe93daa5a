import type { RequestListener } from 'node:http'
import path from 'node:path'
import type { Express } from 'express'
import { createApp } from '../../src/app.js'
import {
  buildSite,
  defaultSources,
  type SiteBuild,
  type SiteSources,
} from '../../src/build/build-site.js'
import { type Config, loadConfig } from '../../src/config/environment.js'
import { packageRoot } from '../../src/config/paths.js'
import { createRequestHandler } from '../../src/http/request-handler.js'
import { createMemoryLogger } from '../../src/log/logger.js'
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
}

/** The real request handler on the test content (or given sources), as the server builds it. */
export async function createTestSite(
  options: {
    env?: NodeJS.ProcessEnv
    sources?: Partial<SiteSources>
    now?: Date
    wrap?: (site: SiteBuild) => SiteBuild
  } = {},
): Promise<TestSite> {
  const { config } = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: testBaseUrl,
    COOKIE_SECRET: testCookieSecret,
    SITE_CONFIG: fixtureSiteConfig,
    ...options.env,
  })
  const built = await buildSite(
    config,
    { ...defaultSources, localesDir: fixtureLocalesDir, ...options.sources },
    options.now,
  )
  const site = options.wrap ? options.wrap(built) : built
  const logger = createMemoryLogger()
  const deps = { config, current: () => site, logger }
  return {
    app: createRequestHandler(deps, createApp(deps)),
    expressApp: createApp(deps),
    site,
    config,
    logger,
  }
}

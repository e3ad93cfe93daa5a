import type { Server } from 'node:http'
import { createApp } from '../../src/app.js'
import { buildSite, type SiteBuild } from '../../src/build/build-site.js'
import { defaultSources } from '../../src/build/site-sources.js'
import { loadConfig } from '../../src/config/environment.js'
import { pageNames, pagePath } from '../../src/config/site-pages.js'
import { createHttpServer } from '../../src/http/http-server.js'
import { createRequestHandler } from '../../src/http/request-handler.js'
import { createMemoryLogger } from '../../src/log/logger.js'
import { fixtureLocalesDir, fixtureSiteConfig } from '../helpers/fixture-content.js'
import { freePort } from '../helpers/free-port.js'
import { readSiteConfig } from '../helpers/site-config.js'

export interface RunningSite {
  readonly origin: string
  readonly site: SiteBuild
  close(): Promise<void>
}

/**
 * The real server in this process, on a free loopback port, with BASE_URL set to its own
 * address so that canonical links and the form's origin check match what the browser sees.
 * It serves the test content unless told otherwise (`shipped` serves `locales/` and
 * `config/site.json` as staff left them).
 */
export async function startSite(
  env: NodeJS.ProcessEnv = {},
  options: { localesDir?: string; now?: Date; shipped?: boolean } = {},
): Promise<RunningSite> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const { config } = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: origin,
    COOKIE_SECRET: 'an-e2e-test-secret-long-enough-to-sign',
    ...(options.shipped ? {} : { SITE_CONFIG: fixtureSiteConfig }),
    ...env,
  })
  const localesDir = options.localesDir ?? (options.shipped ? undefined : fixtureLocalesDir)
  const sources = localesDir ? { ...defaultSources, localesDir } : defaultSources
  const site = await buildSite(config, sources, options.now)
  const deps = { config, current: () => site, logger: createMemoryLogger() }
  const server: Server = createHttpServer(createRequestHandler(deps, createApp(deps)))
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    origin,
    site,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Every page of every language a site configuration lists. */
export function pagePathsOf(env: NodeJS.ProcessEnv): string[] {
  const { config } = loadConfig({ NODE_ENV: 'test', ...env })
  return readSiteConfig(config.siteConfigPath).languages.flatMap((lng) =>
    pageNames.map((page) => pagePath(lng, page)),
  )
}

/** The pages of the shipped content, and of the test content. */
export const shippedPagePaths = pagePathsOf({})
export const pagePaths = pagePathsOf({ SITE_CONFIG: fixtureSiteConfig })

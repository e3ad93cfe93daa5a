import type { Server } from 'node:http'
import { loadConfig } from '../../src/config.js'
import { createHttpServer } from '../../src/http-server.js'
import { createMemoryLogger } from '../../src/logger.js'
import { buildSite, defaultSources, type SiteBuild } from '../../src/render/build-site.js'
import { createRequestHandler } from '../../src/request-handler.js'
import { freePort } from '../helpers/free-port.js'

export interface RunningSite {
  readonly origin: string
  readonly site: SiteBuild
  close(): Promise<void>
}

/**
 * The real server in this process, on a free loopback port, with BASE_URL set to its own
 * address so that canonical links and the form's origin check match what the browser sees.
 */
export async function startSite(
  env: NodeJS.ProcessEnv = {},
  options: { localesDir?: string; now?: Date } = {},
): Promise<RunningSite> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const { config } = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: origin,
    COOKIE_SECRET: 'an-e2e-test-secret-long-enough-to-sign',
    ...env,
  })
  const sources = options.localesDir
    ? { ...defaultSources, localesDir: options.localesDir }
    : defaultSources
  const site = await buildSite(config, sources, options.now)
  const server: Server = createHttpServer(
    createRequestHandler({ config, current: () => site, logger: createMemoryLogger() }),
  )
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

export const pagePaths = ['nb', 'en', 'zh'].flatMap((lng) =>
  ['', 'cookies', 'contact'].map((page) => `/${lng}/${page}`),
)

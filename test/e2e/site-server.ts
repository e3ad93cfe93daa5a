import { once } from 'node:events'
import type { Server } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { loadConfig } from '../../src/config.js'
import { createHttpServer } from '../../src/http-server.js'
import { createMemoryLogger } from '../../src/logger.js'
import { buildSite, type SiteBuild } from '../../src/render/build-site.js'
import { createRequestHandler } from '../../src/request-handler.js'

export interface RunningSite {
  readonly origin: string
  readonly site: SiteBuild
  close(): Promise<void>
}

async function freePort(): Promise<number> {
  const probe = createNetServer().listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  return typeof address === 'object' && address ? address.port : 0
}

/**
 * The real server in this process, on a free loopback port, with BASE_URL set to its own
 * address so that canonical links and the form's origin check match what the browser sees.
 */
export async function startSite(env: NodeJS.ProcessEnv = {}): Promise<RunningSite> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const { config } = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: origin,
    COOKIE_SECRET: 'an-e2e-test-secret-long-enough-to-sign',
    ...env,
  })
  const site = await buildSite(config)
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

import { loadConfig } from './config.js'
import { ConfigError } from './config-error.js'
import { createLogger } from './logger.js'
import { buildSite, serverSources } from './render/build-site.js'
import { createSiteReloader } from './site-reloader.js'

const logger = createLogger()
const shutdownDeadlineMs = 10_000

async function start(): Promise<void> {
  const { config, warnings } = loadConfig(process.env)
  for (const warning of warnings) logger.warn(warning)
  // Express and the routes load while the pages compress on libuv's threads: start-up overlaps.
  const [site, { createRequestHandler }, { createHttpServer }] = await Promise.all([
    buildSite(config, serverSources),
    import('./request-handler.js'),
    import('./http-server.js'),
  ])
  if (site.warnings.length > 0) {
    logger.warn(`the content has ${site.warnings.length} warnings: run npm run check to see them`)
  }
  const reloader = createSiteReloader({
    config,
    sources: serverSources,
    initial: site,
    logger,
    env: process.env,
  })
  reloader.watch()
  process.on('SIGHUP', () => void reloader.reload('SIGHUP').catch(() => undefined))
  // A daily rebuild keeps dates computed at build time, such as security.txt's Expires, fresh.
  setInterval(
    () => void reloader.reload('daily refresh').catch(() => undefined),
    86_400_000,
  ).unref()
  const handler = createRequestHandler({
    config,
    current: reloader.current,
    readiness: reloader.readiness,
    logger,
  })

  const server = createHttpServer(handler)
  server.listen(config.port, config.host, () => {
    logger.info('serving', {
      url: `http://${config.host}:${config.port}/`,
      baseUrl: config.baseUrl,
      env: config.env,
      languages: config.site.languages,
      // performance.now() counts from process start: module loading is part of being ready.
      readyMs: Math.round(performance.now()),
    })
  })
  server.on('error', (error) => {
    logger.error(`cannot listen on ${config.host}:${config.port}: ${error.message}`)
    logger.flush()
    process.exit(1)
  })

  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal })
    reloader.close()
    // Stop accepting connections; requests in flight finish, then the process exits.
    server.close(() => {
      logger.flush()
      process.exit(0)
    })
    server.closeIdleConnections()
    setTimeout(() => {
      logger.warn('requests still open at the shutdown deadline: exiting anyway')
      logger.flush()
      process.exit(0)
    }, shutdownDeadlineMs).unref()
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
}

start().catch((error: unknown) => {
  logger.flush()
  if (error instanceof ConfigError) {
    process.stderr.write(`Cannot start: ${error.message}\n`)
  } else {
    process.stderr.write(`Cannot start: ${error instanceof Error ? error.stack : String(error)}\n`)
  }
  process.exit(1)
})

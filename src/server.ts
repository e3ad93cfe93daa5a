import { buildThread } from './build/build-thread.js'
import type { ServedSite } from './build/served-site.js'
import { defaultSources } from './build/site-sources.js'
import { formatFinding } from './check/findings.js'
import { ConfigError } from './config/config-error.js'
import { type Config, loadConfig } from './config/environment.js'
import { compressedDir, displayPath } from './config/paths.js'
import type { SiteServer } from './http/http-server.js'
import { createLogger } from './log/logger.js'
import { createSiteReloader, logDraftErrors, type SiteReloader } from './reload/site-reloader.js'
import type { requestDesk as openDesk, RequestDesk } from './request-desk/request-desk.js'

const logger = createLogger()
const shutdownDeadlineMs = 10_000

/** The site configuration's warnings (a placeholder email address) each get a line of their own. */
function logWarnings(site: ServedSite, config: Config): void {
  const configFile = displayPath(config.siteConfigPath)
  for (const warning of site.warnings.filter((finding) => finding.file === configFile))
    logger.warn(formatFinding(warning))
  if (site.warnings.length > 0) {
    logger.warn(`the content has ${site.warnings.length} warnings: run npm run check to see them`)
  }
  if (site.draftErrors.length > 0) logDraftErrors(logger, site)
}

/**
 * Stops accepting connections; requests in flight finish with `Connection: close`, connections
 * with none close at once, then the process exits.
 */
function shutDown(
  signal: string,
  server: SiteServer,
  reloader: SiteReloader,
  requests: RequestDesk | undefined,
): void {
  logger.info('shutting down', { signal })
  void reloader.close()
  server.closeGracefully(() => {
    // Every acknowledged request is committed already; this only ends the connections.
    void (requests?.close() ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        logger.flush()
        process.exit(0)
      })
  })
  setTimeout(() => {
    logger.warn('requests still open at the shutdown deadline: exiting anyway')
    logger.flush()
    process.exit(0)
  }, shutdownDeadlineMs).unref()
}

/**
 * The records of privacy requests: opened (and migrated) at start when the form is on, so a
 * database or mail configuration that cannot work stops the start with its reason. With the
 * form off they open only if a reload turns it on, where the configuration allows.
 */
async function openRequestDesk(
  open: typeof openDesk,
  config: Config,
  site: ServedSite,
  current: () => ServedSite,
): Promise<RequestDesk | undefined> {
  if (!site.requests) {
    try {
      return open({ config, current, logger })
    } catch (error) {
      if (error instanceof ConfigError) return undefined
      throw error
    }
  }
  const desk = open({ config, current, logger })
  const { store } = await desk.records()
  logger.info('privacy requests on', { database: store.dialect })
  return desk
}

async function start(): Promise<void> {
  const { config } = loadConfig(process.env)
  // Every build runs on the build thread, reading the bodies `npm run build` compressed.
  const builder = buildThread({
    config,
    sources: { ...defaultSources, compressedDir, lastGood: config.lastGoodContentPath },
  })
  // Express and the routes load while the site is built on its thread: start-up overlaps.
  const [started, { createApp }, { createRequestHandler }, { createHttpServer }, { requestDesk }] =
    await Promise.all([
      builder.start(new Date()),
      import('./app.js'),
      import('./http/request-handler.js'),
      import('./http/http-server.js'),
      import('./request-desk/request-desk.js'),
    ])
  const { site } = started
  logWarnings(site, config)
  const degraded = started.degraded && {
    servingContentOf: started.degraded.savedAt,
    errors: started.degraded.errors.errors.map(formatFinding),
  }
  if (degraded) {
    logger.error('the content has errors: serving the last good content instead', degraded)
  }
  const reloader = createSiteReloader({
    config,
    builder,
    localesDir: defaultSources.localesDir,
    initial: site,
    logger,
    ...(degraded ? { degraded } : {}),
  })
  reloader.watch()
  process.on('SIGHUP', () => void reloader.reload('SIGHUP').catch(() => undefined))
  // A daily rebuild keeps dates computed at build time, such as security.txt's Expires, fresh.
  setInterval(
    () => void reloader.reload('daily refresh').catch(() => undefined),
    86_400_000,
  ).unref()
  const requests = await openRequestDesk(requestDesk, config, site, reloader.current)
  const deps = {
    config,
    current: reloader.current,
    readiness: reloader.readiness,
    logger,
    ...(requests ? { requests } : {}),
  }
  const handler = createRequestHandler(deps, createApp(deps))

  const server = createHttpServer(
    handler,
    { maxConnections: config.maxConnections },
    reloader.current,
  )
  server.listen(config.port, config.host, () => {
    logger.info('serving', {
      url: `http://${config.host}:${config.port}/`,
      baseUrl: config.baseUrl,
      env: config.env,
      languages: site.responses.languages,
      // performance.now() counts from process start: module loading is part of being ready.
      readyMs: Math.round(performance.now()),
    })
  })
  server.on('error', (error) => {
    logger.error(`cannot listen on ${config.host}:${config.port}: ${error.message}`)
    logger.flush()
    process.exit(1)
  })

  const shutdown = (signal: string) => shutDown(signal, server, reloader, requests)
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

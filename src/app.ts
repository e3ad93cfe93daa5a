import express, { type Express } from 'express'
import type { ServedSite } from './build/served-site.js'
import { formatFinding } from './check/findings.js'
import type { Config } from './config/environment.js'
import type { Logger } from './log/logger.js'
import type { Readiness } from './reload/site-reloader.js'
import type { RequestDesk } from './request-desk/request-desk.js'
import { consentRoutes } from './routes/consent.js'
import { errorHandler, notFound } from './routes/errors.js'
import { healthRoutes } from './routes/health.js'
import { rejectMalformedUrl } from './routes/malformed-url.js'
import { pageRoutes } from './routes/pages.js'
import { answerMethods } from './routes/path-methods.js'
import { privacyRequestRoutes } from './routes/privacy-requests.js'
import { securityHeaders } from './routes/security-headers.js'

export interface AppDeps {
  readonly config: Config
  /** The site build in force; a reload swaps it as a whole. */
  readonly current: () => ServedSite
  readonly logger: Logger
  /** How content loading went; without a reloader the first build is all there is. */
  readonly readiness?: () => Readiness
  /** Where privacy requests are kept; without it the form's post gets 503. */
  readonly requests?: RequestDesk
}

/** The request pipeline, top to bottom. Never listens: server.ts does. */
export function createApp(deps: AppDeps): Express {
  const production = deps.config.env === 'production'
  const app = express()
  app.set('env', deps.config.env)
  app.disable('x-powered-by')
  // One rule for every path: exactly as written, so `/HEALTHZ` and `/healthz/` are not /healthz.
  app.set('case sensitive routing', true)
  app.set('strict routing', true)
  app.set('etag', false)

  const startedAt = new Date().toISOString()
  const readiness =
    deps.readiness ??
    (() => ({
      status: 'ready' as const,
      contentLoadedAt: startedAt,
      notice: deps.current().notice,
      lastReload: null,
      changedSince: [],
      draftErrors: deps.current().draftErrors.map(formatFinding),
    }))
  app.set('trust proxy', deps.config.trustProxyHops)

  app.use(securityHeaders(deps.current))
  app.use(answerMethods(deps.current))
  app.use(healthRoutes(readiness))
  app.use(rejectMalformedUrl())
  app.use(consentRoutes({ config: deps.config, current: deps.current, logger: deps.logger }))
  app.use(
    privacyRequestRoutes({
      config: deps.config,
      current: deps.current,
      logger: deps.logger,
      desk: deps.requests,
    }),
  )
  app.use(pageRoutes(deps.current))
  app.use(notFound())
  app.use(errorHandler({ current: deps.current, logger: deps.logger, production }))
  return app
}

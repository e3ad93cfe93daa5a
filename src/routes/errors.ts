import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { ServedSite } from '../build/served-site.js'
import { errorKindOf } from '../config/error-kinds.js'
import { loggedPath } from '../http/request-log.js'
import { sendPrepared } from '../http/send-prepared.js'
import type { Logger } from '../log/logger.js'
import { prepareHtml } from '../prepare/prepared-response.js'
import { withDetails } from '../render/error-details-page.js'
import { errorPageLanguage } from './error-page-language.js'
import { HttpError, statusOf } from './http-error.js'

export function notFound(): RequestHandler {
  return (req, _res, next) => next(new HttpError(404, `no page at ${req.path}`))
}

/**
 * The one error handler: the prepared error page in the visitor's language. Outside production
 * a 500 page also shows the stack, for the developer at the keyboard.
 */
export function errorHandler(deps: {
  current: () => ServedSite
  logger: Logger
  production: boolean
}): ErrorRequestHandler {
  return async (error, req, res, next) => {
    if (res.headersSent) {
      next(error)
      return
    }
    const status = statusOf(error)
    if (status >= 500) {
      deps.logger.error('request failed', {
        method: req.method,
        path: loggedPath(req.path),
        error: error instanceof Error ? error.stack : String(error),
      })
    }
    const site = deps.current()
    const lng = errorPageLanguage(req.path, req.get('Accept-Language'), site)
    const kind = errorKindOf(status)
    const detailed = deps.production ? undefined : site.errorDetailsPages?.get(lng)
    if (status >= 500 && detailed) {
      const details = error instanceof Error ? (error.stack ?? error.message) : String(error)
      const page = await prepareHtml(withDetails(detailed, details), {
        status,
        language: detailed.tag,
        cacheControl: 'no-store',
        securityHeaders: site.securityHeaders,
      })
      sendPrepared(req, res, page)
      return
    }
    sendPrepared(req, res, site.responses.error(kind, lng), status)
  }
}

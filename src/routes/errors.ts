import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { SiteBuild } from '../build/build-site.js'
import { errorKindOf } from '../config/error-kinds.js'
import { sendPrepared } from '../http/send-prepared.js'
import type { Logger } from '../log/logger.js'
import { prepareHtml } from '../prepare/prepared-response.js'
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
  current: () => SiteBuild
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
        path: req.path,
        error: error instanceof Error ? error.stack : String(error),
      })
    }
    const site = deps.current()
    const lng = errorPageLanguage(req.path, req.get('Accept-Language'), site)
    const kind = errorKindOf(status)
    const language = site.content.languages.find((candidate) => candidate.lng === lng)
    if (status >= 500 && !deps.production && language) {
      const details = error instanceof Error ? (error.stack ?? error.message) : String(error)
      const html = site.renderer.error(language, kind, details)
      const page = await prepareHtml(html, {
        status,
        language: language.tag,
        cacheControl: 'no-store',
        securityHeaders: site.securityHeaders,
      })
      sendPrepared(req, res, page)
      return
    }
    sendPrepared(req, res, site.responses.error(kind, lng), status)
  }
}

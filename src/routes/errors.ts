import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from '../logger.js'
import type { SiteBuild } from '../render/build-site.js'
import type { ErrorKind } from '../render/page-renderer.js'
import { storeHtml } from '../render/stored-response.js'
import { errorPageLanguage } from './error-page-language.js'
import { HttpError, statusOf } from './http-error.js'
import { sendStored } from './send-stored.js'

export function notFound(): RequestHandler {
  return (req, _res, next) => next(new HttpError(404, `no page at ${req.path}`))
}

function kindOf(status: number): ErrorKind {
  if (status === 404) return 'notFound'
  return status < 500 ? 'badRequest' : 'serverError'
}

/**
 * The one error handler: the prerendered error page in the language of the path. Outside
 * production a 500 page also shows the stack, for the developer at the keyboard.
 */
export function errorHandler(deps: {
  current: () => SiteBuild
  logger: Logger
  production: boolean
}): ErrorRequestHandler {
  return (error, req, res, next) => {
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
    const { pages, renderer, content } = site
    const lng = errorPageLanguage(req.path, req.get('Accept-Language'), site)
    const kind = kindOf(status)
    const language = content.languages.find((candidate) => candidate.lng === lng)
    if (status >= 500 && !deps.production && language) {
      const details = error instanceof Error ? (error.stack ?? error.message) : String(error)
      const html = renderer.error(language, kind, details)
      sendStored(
        req,
        res,
        storeHtml(html, { status, language: language.tag, cacheControl: 'no-store' }),
      )
      return
    }
    sendStored(req, res, pages.error(kind, lng), status)
  }
}

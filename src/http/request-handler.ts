import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type { ServedSite } from '../build/served-site.js'
import type { Logger } from '../log/logger.js'
import { negotiateLanguage } from './accept-language.js'
import { logAnswered, logWhenFinished } from './request-log.js'
import { originForm } from './request-target.js'
import { selectResponse } from './select-response.js'
import { sendPrepared } from './send-prepared.js'
import { pathOf } from './url-path.js'

/**
 * What the HTTP server runs. A GET or HEAD for a prepared path (a page, a crawler file, an
 * asset) is answered straight from memory, the way a static file server would; everything else
 * goes through the Express app. Prepared responses carry their security headers and both paths
 * send them through sendPrepared, so a response is the same whichever path answered it.
 */
export function createRequestHandler(
  deps: { readonly current: () => ServedSite; readonly logger: Logger },
  /** The Express app (createApp), for everything that is not prepared. */
  app: RequestListener,
): RequestListener {
  const preparedFor = (req: IncomingMessage) => {
    try {
      const site = deps.current()
      const entry = site.responses.get(pathOf(req.url))
      return entry && selectResponse(entry, req, site)
    } catch {
      return undefined // Express will meet the same fault and answer it with its error page.
    }
  }
  // Express would skip the app for a target it cannot parse, or print a warning about it.
  const refuseTarget = (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now()
    const site = deps.current()
    const lng = negotiateLanguage(
      req.headers['accept-language'],
      site.acceptLanguage,
      site.responses.defaultLanguage,
    )
    const page = site.responses.error('badRequest', lng)
    logAnswered(deps.logger, req, sendPrepared(req, res, page), started)
  }
  return (req, res) => {
    const target = originForm(req.url ?? '')
    if (target === undefined) {
      refuseTarget(req, res)
      return
    }
    if (target !== req.url) req.url = target
    if (req.method === 'GET' || req.method === 'HEAD') {
      const started = performance.now()
      const prepared = preparedFor(req)
      if (prepared) {
        logAnswered(deps.logger, req, sendPrepared(req, res, prepared), started)
        return
      }
    }
    logWhenFinished(deps.logger, req, res)
    app(req, res)
  }
}

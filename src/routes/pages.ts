import { Router } from 'express'
import type { ServedSite } from '../build/served-site.js'
import { negotiateLanguage } from '../http/accept-language.js'
import { selectResponse } from '../http/select-response.js'
import { sendPrepared } from '../http/send-prepared.js'
import { pageCacheControl } from '../prepare/prepared-response.js'
import { exactPaths } from './exact-paths.js'

/**
 * The prepared responses (pages, crawler files, assets), looked up by exact path; near misses
 * are redirected to the real path, and `/` to the visitor's language.
 */
export function pageRoutes(current: () => ServedSite): Router {
  const router = Router(exactPaths)
  router.get('/', (req, res) => {
    const { responses, acceptLanguage } = current()
    const lng = negotiateLanguage(
      req.get('Accept-Language'),
      acceptLanguage,
      responses.defaultLanguage,
    )
    res.set({ Vary: 'Accept-Language', 'Cache-Control': 'no-store' }).redirect(302, `/${lng}/`)
  })
  // Other methods than GET and HEAD never get here: answerMethods has answered them.
  router.get('/*splat', (req, res, next) => {
    const site = current()
    const { responses } = site
    const entry = responses.get(req.path)
    if (entry) {
      sendPrepared(req, res, selectResponse(entry, req, site))
      return
    }
    // `/nb` → `/nb/`, `/nb/cookies/` → `/nb/cookies`: the target is a path we serve, never the request.
    const alternative = req.path.endsWith('/') ? req.path.slice(0, -1) : `${req.path}/`
    if (alternative.startsWith('/') && responses.get(alternative)) {
      res.set('Cache-Control', pageCacheControl).redirect(301, alternative)
      return
    }
    next()
  })
  return router
}

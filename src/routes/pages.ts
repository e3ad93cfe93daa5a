import { Router } from 'express'
import { negotiateLanguage } from '../accept-language.js'
import type { SiteBuild } from '../render/build-site.js'
import { HttpError } from './http-error.js'
import { sendStored } from './send-stored.js'

/**
 * The prerendered pages and crawler files, looked up by exact path; near misses are redirected
 * to the real path, and `/` to the visitor's language.
 */
export function pageRoutes(current: () => SiteBuild): Router {
  const router = Router()
  router.get('/', (req, res) => {
    const { pages, content } = current()
    const lng = negotiateLanguage(
      req.get('Accept-Language'),
      content.site.acceptLanguage,
      pages.defaultLanguage,
    )
    res.set({ Vary: 'Accept-Language', 'Cache-Control': 'no-store' }).redirect(302, `/${lng}/`)
  })
  router.all('/*splat', (req, res, next) => {
    const { pages } = current()
    const page = pages.page(req.path)
    if (page) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.set('Allow', 'GET, HEAD')
        next(new HttpError(405, `${req.method} is not allowed here`))
        return
      }
      sendStored(req, res, page)
      return
    }
    // `/nb` → `/nb/`, `/nb/cookies/` → `/nb/cookies`: the target is a path we serve, never the request.
    const alternative = req.path.endsWith('/') ? req.path.slice(0, -1) : `${req.path}/`
    if ((req.method === 'GET' || req.method === 'HEAD') && pages.page(alternative)) {
      res.redirect(301, alternative)
      return
    }
    next()
  })
  return router
}

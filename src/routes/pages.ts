import { Router } from 'express'
import type { SiteBuild } from '../render/build-site.js'
import { HttpError } from './http-error.js'
import { sendStored } from './send-stored.js'

/** The prerendered pages, looked up by exact path; near misses are redirected to the real path. */
export function pageRoutes(current: () => SiteBuild): Router {
  const router = Router()
  router.get('/', (_req, res) => {
    const { pages } = current()
    res.set('Cache-Control', 'no-store').redirect(302, `/${pages.defaultLanguage}/`)
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

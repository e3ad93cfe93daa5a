import { Router } from 'express'
import type { Readiness } from '../reload/site-reloader.js'
import { exactPaths } from './exact-paths.js'

/** Liveness and readiness: cheap, before everything else. */
export function healthRoutes(readiness: () => Readiness): Router {
  const router = Router(exactPaths)
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').type('text/plain').send('ok\n')
  })
  // Ready whenever it serves: a rejected reload leaves the last good content in place, and
  // says so here so that whoever published the change can see why it did not appear.
  router.get('/readyz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(readiness())
  })
  return router
}

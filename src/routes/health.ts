import { Router } from 'express'

/** Liveness: cheap, before everything else, no content involved. */
export function healthRoutes(): Router {
  const router = Router()
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').type('text/plain').send('ok\n')
  })
  return router
}

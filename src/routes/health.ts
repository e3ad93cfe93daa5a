import { isIP } from 'node:net'
import { type Request, Router } from 'express'
import type { Readiness } from '../reload/site-reloader.js'
import { exactPaths } from './exact-paths.js'

/** What anyone may see of readiness: whether the site serves, and what; no file or finding. */
export type PublicReadiness = Pick<Readiness, 'status' | 'contentLoadedAt' | 'notice'> & {
  readonly lastReload: Pick<NonNullable<Readiness['lastReload']>, 'at' | 'applied'> | null
}

function publicView(readiness: Readiness): PublicReadiness {
  const { status, contentLoadedAt, notice, lastReload } = readiness
  return {
    status,
    contentLoadedAt,
    notice,
    lastReload: lastReload && { at: lastReload.at, applied: lastReload.applied },
  }
}

const isLoopback = (address: string | undefined) => {
  const plain = address?.startsWith('::ffff:') ? address.slice(7) : (address ?? '')
  return isIP(plain) !== 0 && (plain === '::1' || plain.startsWith('127.'))
}

/**
 * A request from the server's own machine: staff and monitoring there see the files and the
 * checker's findings. It comes straight over loopback, with no proxy header: a proxy on the same
 * machine forwards everyone's requests over loopback, and a client can write any
 * X-Forwarded-For it likes.
 */
function fromThisMachine(req: Request): boolean {
  return (
    isLoopback(req.socket.remoteAddress) &&
    req.headers['x-forwarded-for'] === undefined &&
    req.headers.forwarded === undefined
  )
}

/** Liveness and readiness: cheap, before everything else. */
export function healthRoutes(readiness: () => Readiness): Router {
  const router = Router(exactPaths)
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').type('text/plain').send('ok\n')
  })
  // Ready whenever it serves: a rejected reload leaves the last good content in place, and
  // says so here so that whoever published the change can see why it did not appear.
  router.get('/readyz', (req, res) => {
    const state = readiness()
    res.set('Cache-Control', 'no-store').json(fromThisMachine(req) ? state : publicView(state))
  })
  return router
}

import type { RequestHandler } from 'express'
import type { ServedSite } from '../build/served-site.js'

/** Sets the security headers on responses that are not prepared (prepared ones carry them). */
export function securityHeaders(current: () => ServedSite): RequestHandler {
  return (_req, res, next) => {
    for (const [name, value] of current().securityHeaders) res.setHeader(name, value)
    next()
  }
}

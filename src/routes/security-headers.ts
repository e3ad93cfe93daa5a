import type { RequestHandler } from 'express'
import helmet from 'helmet'

/**
 * A strict policy: the pages load only our own stylesheet and icon, run no script, and may be
 * framed by no one. Every resource comes from this origin, so nothing reaches a third party.
 */
export function securityHeaders(options: { production: boolean }): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'"],
          formAction: ["'self'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          ...(options.production ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: options.production
        ? { maxAge: 63072000, includeSubDomains: true }
        : false,
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
    }),
    (_req, res, next) => {
      res.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), browsing-topics=()')
      next()
    },
  ]
}

import { createHmac, randomBytes } from 'node:crypto'
import type { Request, RequestHandler } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import { HttpError } from './http-error.js'

/** Only this site's own pages may post a form: a cross-site form gets 403. */
export function sameOrigin(baseUrl: string): RequestHandler {
  const origin = new URL(baseUrl).origin
  return (req, _res, next) => {
    const given = req.get('Origin')
    const allowed =
      given === undefined ? req.get('Sec-Fetch-Site') === 'same-origin' : given === origin
    next(allowed ? undefined : new HttpError(403, 'the form was not sent from this site'))
  }
}

export const formOnly: RequestHandler = (req, _res, next) => {
  next(
    req.is('application/x-www-form-urlencoded')
      ? undefined
      : new HttpError(415, 'only a form body is accepted'),
  )
}

/** A body declared larger than the form can be is refused before a byte of it is read. */
export function declaredSizeWithin(limit: number): RequestHandler {
  return (req, _res, next) => {
    const declared = Number(req.get('Content-Length') ?? 0)
    next(declared > limit ? new HttpError(413, 'the form is larger than it can be') : undefined)
  }
}

/**
 * `Expect: 100-continue`: the client waits for a go-ahead before sending the body. It gets one
 * only here, after the origin, type, rate and size checks; a refusal is answered without it.
 */
export const continueWhenExpected: RequestHandler = (req, res, next) => {
  if (req.get('Expect')?.toLowerCase() === '100-continue') res.writeContinue()
  next()
}

/** The form parser drops a field named `__proto__` without a word: refuse the form instead. */
export function refusePrototypeField(_req: unknown, _res: unknown, body: Buffer): void {
  for (const name of new URLSearchParams(body.toString('utf8')).keys()) {
    if (name === '__proto__') throw new HttpError(400, 'the form holds a field named __proto__')
  }
}

/**
 * The rate limit's key for a client: its address keyed with a secret of this process. The
 * RateLimit-Policy header shows a hash of the key, and a hash of a bare address is reversed by
 * trying every address.
 */
function clientKey(salt: Buffer): (req: Request) => string {
  return (req) =>
    createHmac('sha256', salt)
      .update(ipKeyGenerator(req.ip ?? ''))
      .digest('base64url')
}

/** At most `limit` posts a minute from one client, counted in this process; more get 429. */
export function perMinuteLimit(limit: number, refusal: string): RequestHandler {
  return rateLimit({
    keyGenerator: clientKey(randomBytes(32)),
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Without a proxy in front, X-Forwarded-For is the client's own word and is ignored.
    validate: { xForwardedForHeader: false },
    handler: (_req, _res, next) => next(new HttpError(429, refusal)),
  })
}

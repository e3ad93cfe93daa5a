import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '../log/logger.js'
import { pathOf } from './url-path.js'

const processTag = randomBytes(4).toString('hex')
let counter = 0

/** The secret part of a request's links (`/nb/request/{token}`) stays out of the log. */
export function loggedPath(path: string): string {
  return path.replace(/^(\/[^/]+\/request\/(?:confirm\/)?)[^/]+$/, '$1…')
}

/**
 * One line per answered request: an id, method, path, status and duration. Never the query
 * string (it could hold personal data), a request link's token, cookies, the user agent or the client address.
 */
export function logAnswered(
  logger: Logger,
  req: IncomingMessage,
  status: number,
  started: number,
): void {
  logger.request({
    id: `${processTag}-${(++counter).toString(36)}`,
    method: req.method ?? '',
    path: loggedPath(pathOf(req.url)).slice(0, 256),
    status,
    ms: Math.round((performance.now() - started) * 100) / 100,
  })
}

/** For responses whose end is not known here: log when the response has been sent. */
export function logWhenFinished(logger: Logger, req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now()
  res.once('finish', () => logAnswered(logger, req, res.statusCode, started))
}

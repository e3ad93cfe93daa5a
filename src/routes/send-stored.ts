import type { Request, Response } from 'express'
import type { StoredResponse } from '../render/stored-response.js'

/** Sends a prepared response; a matching If-None-Match gets 304, HEAD gets the headers only. */
export function sendStored(
  req: Request,
  res: Response,
  stored: StoredResponse,
  status = stored.status,
): void {
  res.set(stored.headers)
  if (status === 200 && req.fresh) {
    res.status(304).end()
    return
  }
  res.status(status)
  res.set('Content-Length', String(stored.body.length))
  res.end(stored.body)
}

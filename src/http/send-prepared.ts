import type { IncomingMessage, ServerResponse } from 'node:http'
import type { PreparedResponse } from '../prepare/prepared-response.js'
import { chooseEncoding } from './accept-encoding.js'
import { matchesIfNoneMatch } from './conditional-request.js'

/**
 * Sends a prepared response in the best encoding the client accepts, with header lines worked
 * out when the content loaded. A matching If-None-Match on a 200 gives 304 without a body; HEAD
 * gets the headers only. Both the fast path and the Express routes send through here, so their
 * responses cannot drift apart. Returns the status sent.
 */
export function sendPrepared(
  req: IncomingMessage,
  res: ServerResponse,
  prepared: PreparedResponse,
  status = prepared.status,
): number {
  const representation = prepared.representations[chooseEncoding(req.headers['accept-encoding'])]
  const ifNoneMatch = req.headers['if-none-match']
  if (
    status === 200 &&
    ifNoneMatch !== undefined &&
    matchesIfNoneMatch(ifNoneMatch, representation.etag)
  ) {
    res.writeHead(304, representation.notModifiedHeaders as string[])
    res.end()
    return 304
  }
  res.writeHead(status, representation.headers as string[])
  res.end(req.method === 'HEAD' ? undefined : representation.body)
  return status
}

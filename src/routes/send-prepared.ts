import type { IncomingMessage, ServerResponse } from 'node:http'
import { chooseEncoding } from '../accept-encoding.js'
import { matchesIfNoneMatch } from '../conditional-request.js'
import type { PreparedResponse } from '../render/prepared-response.js'

/**
 * Sends a prepared response in the best encoding the client accepts. A matching If-None-Match
 * on a 200 gives 304 with the same headers but no body; HEAD gets the headers only. Both the
 * fast path and the Express routes send through here, so their headers cannot drift apart.
 */
export function sendPrepared(
  req: IncomingMessage,
  res: ServerResponse,
  prepared: PreparedResponse,
  status = prepared.status,
): void {
  const representation = prepared.representations[chooseEncoding(req.headers['accept-encoding'])]
  for (const [name, value] of prepared.headers) res.setHeader(name, value)
  if (status === 200 && matchesIfNoneMatch(req.headers['if-none-match'], representation.etag)) {
    res.setHeader('ETag', representation.etag)
    res.writeHead(304)
    res.end()
    return
  }
  for (const [name, value] of representation.headers) res.setHeader(name, value)
  res.writeHead(status)
  res.end(req.method === 'HEAD' ? undefined : representation.body)
}

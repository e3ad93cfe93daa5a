import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import type { ServedSite } from '../build/served-site.js'
import type { ErrorKind } from '../config/error-kinds.js'
import { negotiateLanguage } from './accept-language.js'
import { sendPrepared } from './send-prepared.js'

/** The status for each refusal of node's parser; anything else it refuses is a 400. */
const statusByCode: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
}

const kindOf = (status: number): ErrorKind =>
  status === 413 || status === 431 ? 'tooLarge' : 'badRequest'

/**
 * A request node's parser refused (malformed, headers too large, too slow): our error page in
 * the default language, with every security header, and the connection closed; node's own
 * answer is a bare status line. Nothing is written once an answer on the connection has begun.
 */
export function answerClientError(current: () => ServedSite) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy()
      return
    }
    const status = statusByCode[error.code ?? ''] ?? 400
    const { responses } = current()
    const page = responses.error(kindOf(status), responses.defaultLanguage).representations.identity
    const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`]
    for (let i = 0; i < page.headers.length; i += 2)
      lines.push(`${page.headers[i]}: ${page.headers[i + 1]}`)
    lines.push(`Date: ${new Date().toUTCString()}`, 'Connection: close', '', '')
    socket.end(Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), page.body]))
  }
}

/** An `Expect` other than 100-continue: 417 with our error page, in the visitor's language. */
export function answerExpectationFailed(current: () => ServedSite) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const site = current()
    const lng = negotiateLanguage(
      req.headers['accept-language'],
      site.acceptLanguage,
      site.responses.defaultLanguage,
    )
    sendPrepared(req, res, site.responses.error('badRequest', lng), 417)
  }
}

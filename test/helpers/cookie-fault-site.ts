import { readFileSync } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import { freePort } from './free-port.js'
import { fixture } from './test-site.js'

/**
 * A small site made for the cookie scan's tests, with faults planted on purpose, and a second
 * port on 127.0.0.1 standing for another company's site. What it sets:
 * - `early` on every page, before any choice (an analytics cookie: a fault);
 * - `choice` when the visitor chooses (necessary, as declared);
 * - after "reject": `survivor` (analytics: a fault);
 * - after "accept": `prefs` (as declared), `longlived` (two years, declared as a day: a fault),
 *   and the other site's widget.js, which sets `widget_srv` in its answer and `widget_id` and
 *   the undeclared `widget_extra` from the script, and its pixel.gif (an undeclared request);
 * - `visitor_ls` in localStorage on every page (undeclared: a fault).
 * Both answer over https with a certificate made for 127.0.0.1 (in `test/fixtures/tls`), as the
 * inventory's scripts are https addresses; the scan is told to accept it.
 */
export interface CookieFaultSite {
  readonly origin: string
  readonly thirdParty: string
  close(): Promise<void>
}

const certificate = {
  cert: readFileSync(fixture('tls/loopback-cert.pem')),
  key: readFileSync(fixture('tls/loopback-key.pem')),
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void

const listen = async (handler: Handler): Promise<{ server: Server; origin: string }> => {
  const server = createServer(certificate, handler)
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { server, origin: `https://127.0.0.1:${port}` }
}

function page(thirdParty: string, accepted: boolean): string {
  const extras = accepted
    ? `<script src="${thirdParty}/widget.js"></script><img src="${thirdParty}/pixel.gif" alt="">`
    : ''
  return `<!doctype html><html lang="en"><head><title>Shop</title></head><body>
<form method="post" action="/choice">
<button id="yes" name="all" value="accept">Accept</button>
<button id="no" name="all" value="reject">Reject</button></form>
<a href="/second">second page</a> <a href="${thirdParty}/elsewhere">elsewhere</a>
<script>localStorage.setItem('visitor_ls', '1')</script>${extras}</body></html>`
}

export async function startCookieFaultSite(): Promise<CookieFaultSite> {
  const other = await listen((req, res) => {
    if (req.url === '/widget.js') {
      res.setHeader('Set-Cookie', 'widget_srv=1; Max-Age=3600; Path=/')
      res.setHeader('Content-Type', 'text/javascript')
      res.end(
        "document.cookie = 'widget_id=1; max-age=3600; path=/'\ndocument.cookie = 'widget_extra=1; max-age=3600; path=/'\n",
      )
    } else if (req.url === '/pixel.gif') {
      res.setHeader('Content-Type', 'image/gif')
      res.end(Buffer.from('R0lGODlhAQABAAAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'))
    } else {
      res.statusCode = 404
      res.end('not here')
    }
  })
  const thirdParty = other.origin
  const shop = await listen((req, res) => {
    if (req.method === 'POST' && req.url === '/choice') {
      let body = ''
      req.on('data', (chunk) => {
        body += chunk
      })
      req.on('end', () => {
        const accept = new URLSearchParams(body).get('all') === 'accept'
        const day = 86_400
        res.setHeader('Set-Cookie', [
          `choice=${accept ? 'accept' : 'reject'}; Max-Age=${30 * day}; Path=/`,
          ...(accept
            ? [`prefs=1; Max-Age=${day}; Path=/`, `longlived=1; Max-Age=${730 * day}; Path=/`]
            : [`survivor=1; Max-Age=${day}; Path=/`]),
        ])
        res.writeHead(303, { Location: '/' }).end()
      })
      return
    }
    if (req.url !== '/' && req.url !== '/second') {
      res.writeHead(404).end('not here')
      return
    }
    res.setHeader('Set-Cookie', 'early=1; Max-Age=86400; Path=/')
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.end(page(thirdParty, /(^|; )choice=accept/.test(req.headers.cookie ?? '')))
  })
  const close = (server: Server) =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return {
    origin: shop.origin,
    thirdParty,
    close: async () => Promise.all([close(shop.server), close(other.server)]).then(() => undefined),
  }
}

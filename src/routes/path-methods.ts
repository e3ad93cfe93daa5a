import type { RequestHandler } from 'express'
import type { ServedSite } from '../build/served-site.js'
import { pagePath } from '../config/site-pages.js'
import { HttpError } from './http-error.js'

const readOnly = ['GET', 'HEAD', 'OPTIONS'] as const
const withForm = ['GET', 'HEAD', 'POST', 'OPTIONS'] as const

/** Which request page a path is, on a site with the form on: the form or confirmation, or a status page. */
function requestPathKind(path: string, site: ServedSite): 'form' | 'status' | undefined {
  const [, lng, rest] = /^\/([^/]+)\/request(\/.*)?$/.exec(path) ?? []
  if (!site.requests || !lng || !site.responses.languages.includes(lng)) return undefined
  if (rest === undefined || /^\/confirm\/[^/]+$/.test(rest)) return 'form'
  return /^\/[^/]+$/.test(rest) ? 'status' : undefined
}

/**
 * What each path accepts, the first match deciding: the one table behind `Allow`, the answer to
 * OPTIONS and every 405. Paths match exactly: `/HEALTHZ` and `/healthz/` are other paths.
 */
const pathMethods: readonly {
  readonly what: string
  readonly matches: (path: string, site: ServedSite) => boolean
  readonly methods: readonly string[]
}[] = [
  {
    what: 'health',
    matches: (path) => path === '/healthz' || path === '/readyz',
    methods: readOnly,
  },
  { what: 'language choice', matches: (path) => path === '/', methods: readOnly },
  {
    what: 'cookie page and its form',
    matches: (path, site) =>
      site.responses.languages.some((lng) => path === pagePath(lng, 'cookies')),
    methods: withForm,
  },
  {
    what: 'request form and the link that confirms a request',
    matches: (path, site) => requestPathKind(path, site) === 'form',
    methods: withForm,
  },
  {
    what: "a request's status page",
    matches: (path, site) => requestPathKind(path, site) === 'status',
    methods: readOnly,
  },
  {
    what: 'prepared responses',
    matches: (path, site) => site.responses.get(path) !== undefined,
    methods: readOnly,
  },
]

/** The methods a path accepts; undefined where there is nothing (404 for every method). */
export function methodsAt(path: string, site: ServedSite): readonly string[] | undefined {
  return pathMethods.find((entry) => entry.matches(path, site))?.methods
}

/**
 * OPTIONS gets 204 with `Allow`; a method the path does not accept gets 405 with `Allow`; a
 * path with nothing gets 404 whatever the method.
 */
export function answerMethods(current: () => ServedSite): RequestHandler {
  return (req, res, next) => {
    const methods = methodsAt(req.path, current())
    if (methods === undefined && req.method === 'OPTIONS') {
      // Before Express's own answer to OPTIONS, which lists whatever routes happen to match.
      next(new HttpError(404, `no page at ${req.path}`))
      return
    }
    if (methods === undefined || (req.method !== 'OPTIONS' && methods.includes(req.method))) {
      next()
      return
    }
    res.set('Allow', methods.join(', '))
    if (req.method === 'OPTIONS') {
      res.status(204).end()
      return
    }
    next(new HttpError(405, `${req.method} is not allowed here`))
  }
}

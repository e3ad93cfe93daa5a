import cookieParser from 'cookie-parser'
import express, { Router } from 'express'
import type { ServedSite } from '../build/served-site.js'
import type { Config } from '../config/environment.js'
import { pagePath } from '../config/site-pages.js'
import { consentCookieName, consentMaxAgeMs, encodeConsent } from '../consent/consent-cookie.js'
import type { Choices } from '../consent/consent-policy.js'
import type { Logger } from '../log/logger.js'
import { exactPaths } from './exact-paths.js'
import {
  continueWhenExpected,
  declaredSizeWithin,
  formOnly,
  perMinuteLimit,
  refusePrototypeField,
  sameOrigin,
} from './form-guards.js'
import { HttpError } from './http-error.js'

const maxFormBytes = 2048

/**
 * A page the banner may return to: one of the site's own pages in the form's language, named by
 * its exact path, so that no address from the form can lead anywhere else.
 */
function isPageOf(site: ServedSite, lng: string, path: string): boolean {
  // Pages have consent variants; files and feeds have none.
  return path.startsWith(`/${lng}/`) && (site.responses.get(path)?.variants.size ?? 0) > 0
}

/** The visitor's choices from the form or the banner; undefined when the body is not one of ours. */
function choicesFrom(
  body: Record<string, unknown>,
  categories: readonly string[],
): Choices | undefined {
  const allowed = new Set(['all', 'return', ...categories])
  if (Object.entries(body).some(([key, value]) => !allowed.has(key) || typeof value !== 'string'))
    return undefined
  if (body.all !== undefined) {
    if (body.all !== 'accept' && body.all !== 'reject') return undefined
    return Object.fromEntries(categories.map((category) => [category, body.all === 'accept']))
  }
  const choices: Record<string, boolean> = {}
  for (const category of categories) {
    const answer = body[category] ?? 'no'
    if (answer !== 'yes' && answer !== 'no') return undefined
    choices[category] = answer === 'yes'
  }
  return choices
}

/** At most ten saved choices a minute per client. */
const choiceLimiter = () => perMinuteLimit(10, 'too many choices saved in a minute')

/**
 * POST /{lng}/cookies: saves the visitor's cookie choice in one signed first-party cookie and
 * answers 303 back to the page, which confirms the choice. Guarded, in order: same origin only, form bodies only, a rate
 * limit per client, at most 2 KB and 20 fields.
 */
export function consentRoutes(deps: {
  config: Config
  current: () => ServedSite
  logger: Logger
}): Router {
  const { config, logger } = deps
  const router = Router(exactPaths)
  const limiter = choiceLimiter()
  router.post(
    '/:lng/cookies',
    // Refuse what is not ours before counting: a hostile page must not use up a visitor's quota.
    sameOrigin(config.baseUrl),
    formOnly,
    limiter,
    declaredSizeWithin(maxFormBytes),
    continueWhenExpected,
    express.urlencoded({
      extended: false,
      limit: maxFormBytes,
      parameterLimit: 20,
      verify: refusePrototypeField,
    }),
    cookieParser(config.cookieSecret),
    (req, res, next) => {
      const site = deps.current()
      const lng = String(req.params.lng)
      if (!site.responses.languages.includes(lng)) {
        next()
        return
      }
      const body = (req.body ?? {}) as Record<string, unknown>
      const policy = site.consent.policy
      const choices = choicesFrom(body, policy.categories)
      const back = body.return === undefined ? undefined : String(body.return)
      if (!choices || (back !== undefined && !isPageOf(site, lng, back))) {
        next(new HttpError(400, 'the form holds fields or values it does not have'))
        return
      }
      const cookiesPage = pagePath(lng, 'cookies')
      if (policy.categories.length === 0) {
        // Nothing to choose: nothing is stored.
        res.set('Cache-Control', 'no-store').redirect(303, back ?? cookiesPage)
        return
      }
      res.cookie(consentCookieName, encodeConsent(policy, choices, new Date()), {
        signed: true,
        httpOnly: true,
        sameSite: 'lax',
        secure: config.env === 'production',
        path: '/',
        maxAge: consentMaxAgeMs,
        ...(policy.cookieDomain ? { domain: policy.cookieDomain } : {}),
      })
      // Proof of consent: what was chosen, for which inventory, in which language; nobody's address.
      logger.info('consent saved', { inventoryVersion: policy.version, choices, language: lng })
      // Back where the choice was made, with the confirmation; on the cookie page, at the form.
      const confirmation =
        back === undefined || back === cookiesPage
          ? `${cookiesPage}?saved=1#preferences`
          : `${back}?saved=1`
      res.set('Cache-Control', 'no-store').redirect(303, confirmation)
    },
  )
  return router
}

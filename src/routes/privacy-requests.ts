import express, { type Request, type Response, Router } from 'express'
import { ipKeyGenerator } from 'express-rate-limit'
import type { ServedSite } from '../build/served-site.js'
import type { Config } from '../config/environment.js'
import { requestStatusPath } from '../config/site-pages.js'
import { sendPrepared } from '../http/send-prepared.js'
import type { Logger } from '../log/logger.js'
import type { RequestDesk } from '../request-desk/request-desk.js'
import { type RequestPages, requestPagesFor } from '../request-desk/request-pages.js'
import { requestFormView } from '../requests/form-view.js'
import { readRequestForm } from '../requests/request-form.js'
import { requestStatusView } from '../requests/status-view.js'
import { countSubmission } from '../requests/submission-limits.js'
import { confirmableRequest, confirmRequest } from '../store/confirm-request.js'
import { createRequest } from '../store/create-request.js'
import { findByStatusToken } from '../store/request-status.js'
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

/** A request form is at most 16 KB: 5,000 characters of details, encoded, fit with room. */
export const maxRequestFormBytes = 16 * 1024

/** What a link's token looks like (256 bits, base64url): anything else is not looked up. */
const tokenShape = /^[A-Za-z0-9_-]{43}$/

/** Posts a minute from one client before any is read: a flood never reaches the database. */
const burstLimiter = () => perMinuteLimit(20, 'too many requests sent in a minute')

/** The request pages of the build in force, in the path's language; undefined: not here (404). */
async function pagesAt(site: ServedSite, lng: string): Promise<RequestPages | undefined> {
  if (!site.responses.languages.includes(lng)) return undefined
  return requestPagesFor(site)
}

const tokenOf = (req: Request) => {
  const token = String(req.params.token)
  return tokenShape.test(token) ? token : undefined
}

/**
 * The privacy request: the form's post, the link that confirms the address, and the status
 * page. The empty form is a prepared page like every other; only these read the records.
 */
export function privacyRequestRoutes(deps: {
  config: Config
  current: () => ServedSite
  logger: Logger
  desk: RequestDesk | undefined
}): Router {
  const { config, logger } = deps
  const router = Router(exactPaths)
  const guards = [
    sameOrigin(config.baseUrl),
    formOnly,
    burstLimiter(),
    declaredSizeWithin(maxRequestFormBytes),
    continueWhenExpected,
    express.urlencoded({
      extended: false,
      limit: maxRequestFormBytes,
      parameterLimit: 20,
      verify: refusePrototypeField,
    }),
  ]
  const desk = () => {
    if (!deps.desk) throw new HttpError(503, 'privacy requests are not taken by this server')
    return deps.desk
  }
  const send = (req: Request, res: Response, page: Parameters<typeof sendPrepared>[2]) => {
    sendPrepared(req, res, page)
  }

  router.post('/:lng/request', ...guards, async (req, res, next) => {
    const lng = String(req.params.lng)
    const pages = await pagesAt(deps.current(), lng)
    if (!pages) return next()
    const t = pages.translator(lng)
    const form = readRequestForm((req.body ?? {}) as Record<string, unknown>)
    if (form.outcome === 'refused') {
      return next(new HttpError(400, 'the form holds fields or values it does not have'))
    }
    const months = pages.kit.retentionMonths
    const formPage = (
      view: ReturnType<typeof requestFormView>,
      status: number,
      limited: string | null,
    ) =>
      pages.page(
        lng,
        'request',
        `${t('request:errors.titlePrefix')}: ${t('request:meta.title')}`,
        {
          form: view,
          formAction: req.path,
          limited,
        },
        { status },
      )
    if (form.outcome === 'invalid') {
      return send(
        req,
        res,
        await formPage(requestFormView(t, months, form.values, form.errors), 422, null),
      )
    }
    const { store, limitSecret, sealingKey } = await desk().records()
    const now = new Date()
    const limit = await countSubmission(
      store.db,
      { client: ipKeyGenerator(req.ip ?? ''), email: form.request.email },
      limitSecret,
      now,
    )
    if (limit.limited) {
      const page = await formPage(
        requestFormView(t, months, form.values),
        429,
        t('request:limited.body'),
      )
      res.set('Retry-After', String(Math.ceil((limit.retryAt.getTime() - now.getTime()) / 1000)))
      return send(req, res, page)
    }
    const created = await createRequest(
      store.db,
      { ...form.request, language: lng },
      { now, sealingKey },
    )
    // Acknowledged only now that it is committed; the mail leaves from the outbox.
    desk().mailQueued()
    logger.info('privacy request received', {
      reference: created.reference,
      kind: form.request.kind,
      language: lng,
    })
    return send(
      req,
      res,
      await pages.page(lng, 'request-sent', t('request:sent.title'), {
        sent: { reference: created.reference, email: form.request.email },
      }),
    )
  })

  router.get('/:lng/request/confirm/:token', async (req, res, next) => {
    const lng = String(req.params.lng)
    const token = tokenOf(req)
    const pages = await pagesAt(deps.current(), lng)
    if (!pages || !token) return next()
    const { store } = await desk().records()
    // Only shown, not used: a mail program that opens links to check them confirms nothing.
    if ((await confirmableRequest(store.db, token, new Date())) !== 'valid') return next()
    const t = pages.translator(lng)
    send(
      req,
      res,
      await pages.page(lng, 'request-confirm', t('request:confirm.title'), {
        confirmAction: req.path,
      }),
    )
  })

  router.post('/:lng/request/confirm/:token', ...guards, async (req, res, next) => {
    const lng = String(req.params.lng)
    const token = tokenOf(req)
    const pages = await pagesAt(deps.current(), lng)
    if (!pages || !token) return next()
    const { store, sealingKey } = await desk().records()
    const outcome = await confirmRequest(store.db, token, new Date(), { sealingKey })
    if (outcome.outcome !== 'confirmed') return next()
    desk().mailQueued()
    logger.info('privacy request confirmed', { reference: outcome.reference })
    res
      .set('Cache-Control', 'no-store')
      .set('Referrer-Policy', 'no-referrer')
      .redirect(303, `${requestStatusPath(lng, outcome.statusToken)}?confirmed=1`)
  })

  router.get('/:lng/request/:token', async (req, res, next) => {
    const lng = String(req.params.lng)
    const token = tokenOf(req)
    const pages = await pagesAt(deps.current(), lng)
    if (!pages || !token) return next()
    const { store } = await desk().records()
    const request = await findByStatusToken(store.db, token)
    if (!request) return next()
    const t = pages.translator(lng)
    const view = requestStatusView(t, lng, request, req.query.confirmed === '1')
    send(
      req,
      res,
      await pages.page(
        lng,
        'request-status',
        t('request:status.title', { reference: request.reference }),
        { request: view },
        { referrer: 'none' },
      ),
    )
  })
  return router
}

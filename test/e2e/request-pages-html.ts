import { requestPath } from '../../src/config/site-pages.js'
import { linkIn } from '../helpers/request-site.js'
import { startSite } from './site-server.js'

/** One request page as the server sent it. */
export interface RequestPageHtml {
  readonly name: string
  readonly html: string
}

/**
 * Every request page a visitor meets, in every language, as the running site answers them: the
 * form empty and sent back with its errors, the receipt, the confirmation page and the status
 * page. A request is sent and confirmed through the link in its email to reach the last two.
 */
export async function requestPagesHtml(
  env: NodeJS.ProcessEnv,
  options: { shipped?: boolean } = {},
): Promise<RequestPageHtml[]> {
  const site = await startSite(env, { ...options, requests: true })
  const pages: RequestPageHtml[] = []
  try {
    const requests = site.requests
    if (!requests) throw new Error('the site has no request desk')
    const answer = async (urlPath: string, expected: number, form?: Record<string, string>) => {
      const response = await fetch(`${site.origin}${urlPath}`, {
        redirect: 'manual',
        ...(form
          ? {
              method: 'POST',
              headers: { Origin: site.origin },
              body: new URLSearchParams(form),
            }
          : {}),
      })
      const html = await response.text()
      if (response.status !== expected) {
        throw new Error(`${urlPath}: ${response.status}, expected ${expected}`)
      }
      return { response, html }
    }
    for (const lng of site.site.responses.languages) {
      const form = requestPath(lng)
      if (!site.site.responses.get(form)) continue
      pages.push({ name: `request-${lng}-empty`, html: (await answer(form, 200)).html })
      pages.push({ name: `request-${lng}-errors`, html: (await answer(form, 422, {})).html })
      const sent = await answer(form, 200, {
        kind: 'access',
        name: 'Kari Nordmann',
        email: `validate-${lng}@example.no`,
        details: 'Hvilke opplysninger har dere om meg?',
        customerReference: '',
        website: '',
      })
      pages.push({ name: `request-${lng}-sent`, html: sent.html })
      const reference = /PR-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(sent.html)?.[0]
      if (!reference) throw new Error(`${form}: no reference on the receipt`)
      await (await requests.desk.outbox()).sendDue()
      const mail = (await requests.outboxMails()).find((one) => one.subject?.includes(reference))
      if (!mail) throw new Error(`${form}: no email for ${reference}`)
      const confirm = linkIn(mail, site.origin).pathname
      pages.push({ name: `request-${lng}-confirm`, html: (await answer(confirm, 200)).html })
      const confirmed = await answer(confirm, 303, {})
      const status = new URL(confirmed.response.headers.get('location') ?? '', site.origin)
      pages.push({
        name: `request-${lng}-status`,
        html: (await answer(`${status.pathname}${status.search}`, 200)).html,
      })
    }
  } finally {
    await site.close()
  }
  return pages
}

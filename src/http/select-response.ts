import type { IncomingMessage } from 'node:http'
import type { ServedSite } from '../build/served-site.js'
import { consentKeyOf } from '../consent/consent-cookie.js'
import { savedSuffix } from '../consent/consent-policy.js'
import type { PreparedResponse } from '../prepare/prepared-response.js'
import type { TableEntry } from '../prepare/response-table.js'

/** True for `?saved=1`, where the cookie form sends the visitor after saving. */
function savedRequested(url: string | undefined): boolean {
  const query = url?.indexOf('?') ?? -1
  return query >= 0 && new URLSearchParams(url?.slice(query + 1)).get('saved') === '1'
}

/**
 * The variant of an entry this request gets: the only one, or the one for the visitor's cookie
 * choice (and the confirmation after saving). Both request paths choose through here.
 */
export function selectResponse(
  entry: TableEntry,
  req: IncomingMessage,
  site: ServedSite,
): PreparedResponse {
  if (!entry.byConsent) return entry.response
  const key = consentKeyOf(req.headers, site.consent.policy, site.consent.secret)
  const confirmed = savedRequested(req.url) ? entry.variants.get(`${key}${savedSuffix}`) : undefined
  return confirmed ?? entry.variants.get(key) ?? entry.response
}

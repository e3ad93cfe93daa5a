import type { Finding } from '../check/findings.js'
import type { SiteConfig } from '../config/site-config.js'
import type { ConsentRules } from '../consent/consent-policy.js'
import type { NoticeState } from '../content/version-index.js'
import type { HeaderList } from '../prepare/prepared-response.js'
import type { ResponseTable } from '../prepare/response-table.js'
import type { ErrorDetailsPage } from '../render/error-details-page.js'
import type { RequestKit } from './request-kit.js'

/**
 * What answering requests needs of a build: every prepared response, and the little a request
 * reads besides (its consent cookie, its Accept-Language). The content model and the renderer
 * stay where the build ran.
 */
export interface ServedSite {
  readonly responses: ResponseTable
  /** The security headers of every response, prepared or not. */
  readonly securityHeaders: HeaderList
  /** The checker's warnings about the content this build was made from. */
  readonly warnings: readonly Finding[]
  /** The errors in the notice being written: they stop a publish, never this build. */
  readonly draftErrors: readonly Finding[]
  /** What a request's consent cookie is checked against. */
  readonly consent: { readonly policy: ConsentRules; readonly secret: string }
  /** Which language an error page outside a language's path speaks. */
  readonly acceptLanguage: SiteConfig['acceptLanguage']
  /** The version of the notice in force, and the next one announced. */
  readonly notice: NoticeState
  /** When the next announced version takes effect; the site is built again then. */
  readonly nextChangeAt: Date | undefined
  /** Outside production: the 500 page by language, with a place for the error's stack. */
  readonly errorDetailsPages?: ReadonlyMap<string, ErrorDetailsPage>
  /** With the form for privacy requests on: what its pages and emails are made of. */
  readonly requests?: RequestKit
}

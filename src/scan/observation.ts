/** The three visits of a page: before any choice, after rejecting, after accepting everything. */
export const consentStates = ['before', 'rejected', 'accepted'] as const
export type ConsentState = (typeof consentStates)[number]

/** A cookie as the browser stored it, with what set it. */
export interface SeenCookie {
  readonly name: string
  readonly domain: string
  readonly path: string
  /** Seconds from the visit until it expires; undefined for a session cookie. */
  readonly lifetimeSeconds?: number
  readonly secure: boolean
  readonly httpOnly: boolean
  readonly sameSite: string
  readonly party: 'first' | 'third'
  /** The response (Set-Cookie) or script (document.cookie) that set it, if seen. */
  readonly setBy: string
  /** The page on which it was first seen. */
  readonly page: string
}

export interface SeenStorage {
  readonly kind: 'localStorage' | 'sessionStorage' | 'indexedDB'
  readonly key: string
  readonly page: string
}

export interface SeenRequest {
  readonly url: string
  readonly page: string
}

/** What one consent state left behind across the pages scanned. */
export interface StateRecord {
  readonly state: ConsentState
  readonly cookies: readonly SeenCookie[]
  readonly storage: readonly SeenStorage[]
  /** Requests to another origin than the page's. */
  readonly thirdPartyRequests: readonly SeenRequest[]
}

/** One scanned site: its pages and the three states, or why it could not be scanned. */
export interface SiteRecord {
  readonly origin: string
  readonly pages: readonly string[]
  readonly states: readonly StateRecord[]
  /** Why the site, or one of its states, could not be scanned. */
  readonly failure?: string
}

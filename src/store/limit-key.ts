import { createHmac } from 'node:crypto'

/** What is counted: requests from a client or for an address, staff sign-ins from a client. */
export type LimitScope = 'client' | 'email' | 'signin-client'

/**
 * The key a limit counts under, for a client's address or an email address, without keeping
 * either: a keyed hash, since a plain one of an IPv4 address is undone by trying all 2³² of
 * them. Counters are shared between processes, so they must all be given the same secret.
 */
export function limitKey(scope: LimitScope, value: string, secret: Buffer): string {
  // `kari+1@…` and `kari+2@…` reach one inbox at most providers: one address to the limit.
  const normalized =
    scope === 'email'
      ? value
          .trim()
          .toLowerCase()
          .replace(/\+[^@]*@/, '@')
      : value
  const digest = createHmac('sha256', secret).update(`${scope}\0${normalized}`).digest('base64url')
  return `${scope}:${digest}`
}

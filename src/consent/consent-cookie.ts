import type { IncomingHttpHeaders } from 'node:http'
import { parse } from 'cookie'
import { signedCookie } from 'cookie-parser'
import {
  answerKey,
  type Choices,
  type ConsentRules,
  nothingToChoose,
  unanswered,
} from './consent-policy.js'

export const consentCookieName = 'consent'
/** Half a year: long enough not to ask often, well under the one-year bound. */
export const consentMaxAgeMs = 182 * 24 * 60 * 60 * 1000

const maxCookieValue = 512

/** The cookie's value: a small closed structure, nothing else. */
export interface StoredConsent {
  /** Inventory version the choice was made for. */
  readonly v: string
  /** Yes or no per optional category. */
  readonly c: Choices
  /** When the choice was made, in seconds since 1970. */
  readonly t: number
}

export function encodeConsent(policy: ConsentRules, choices: Choices, now: Date): string {
  const stored: StoredConsent = {
    v: policy.version,
    c: Object.fromEntries(
      policy.categories.map((category) => [category, choices[category] === true]),
    ),
    t: Math.floor(now.getTime() / 1000),
  }
  return JSON.stringify(stored)
}

/** Servers' clocks may differ this much; a choice made further in the future was not made here. */
const clockSkewMs = 60_000

/** Whether a choice made at `t` (seconds) can stand at `now`: not from the future, not expired. */
function madeWithinLifetime(t: number, now: number): boolean {
  const madeAt = t * 1000
  return madeAt <= now + clockSkewMs && madeAt >= now - consentMaxAgeMs
}

/**
 * The stored choice, if the value is exactly what encodeConsent makes for this inventory and
 * was made within the cookie's lifetime.
 */
export function decodeConsent(
  value: string,
  policy: ConsentRules,
  now = Date.now(),
): Choices | undefined {
  if (value.length > maxCookieValue) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    return undefined
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined
  const { v, c, t, ...rest } = parsed as Record<string, unknown>
  if (Object.keys(rest).length > 0 || v !== policy.version || !Number.isSafeInteger(t))
    return undefined
  if (!madeWithinLifetime(t as number, now)) return undefined
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return undefined
  const keys = Object.keys(c)
  if (keys.length !== policy.categories.length) return undefined
  const choices: Record<string, boolean> = {}
  for (const category of policy.categories) {
    const answer = (c as Record<string, unknown>)[category]
    if (typeof answer !== 'boolean') return undefined
    choices[category] = answer
  }
  return choices
}

/**
 * Which variant of a page a request gets: the stored choice when the signed cookie is valid for
 * the current inventory; refusal of everything for `Sec-GPC: 1` without a stored choice;
 * otherwise "not chosen yet". A missing, unsigned, tampered, oversized, malformed, expired or
 * future-dated cookie counts as not chosen, and never raises.
 */
export function consentKeyOf(
  headers: IncomingHttpHeaders,
  policy: ConsentRules,
  secret: string,
): string {
  if (policy.categories.length === 0) return nothingToChoose
  const choices = storedChoices(headers.cookie, policy, secret)
  if (choices) return answerKey(policy.categories, choices)
  if (headers['sec-gpc'] === '1') return answerKey(policy.categories, {})
  return unanswered
}

export function storedChoices(
  cookieHeader: string | undefined,
  policy: ConsentRules,
  secret: string,
): Choices | undefined {
  if (!cookieHeader || cookieHeader.length > 8192) return undefined
  let raw: string | undefined
  try {
    raw = parse(cookieHeader)[consentCookieName]
  } catch {
    return undefined
  }
  if (raw === undefined || !raw.startsWith('s:')) return undefined
  const value = signedCookie(raw, secret)
  return typeof value === 'string' ? decodeConsent(value, policy) : undefined
}

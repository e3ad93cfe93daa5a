import { createHash } from 'node:crypto'
import { type CookieCategory, cookieCategories } from '../config/cookie-inventory-config.js'
import type { SiteConfig } from '../config/site-config.js'

export type OptionalCategory = Exclude<CookieCategory, 'necessary'>

/** A visitor's answer: yes or no for each optional category. */
export type Choices = Readonly<Record<string, boolean>>

/** What a visitor's consent cookie is read and written against, request by request. */
export interface ConsentRules {
  /** The optional categories the inventory uses, in a fixed order; empty: nothing to choose. */
  readonly categories: readonly OptionalCategory[]
  /** Changes whenever a category, cookie or purpose changes, so that visitors are asked again. */
  readonly version: string
  readonly cookieDomain?: string
}

/** What there is to consent to, worked out from the cookie inventory. */
export interface ConsentPolicy extends ConsentRules {
  /** The scripts to load for an answer: the pages of each answer are rendered with them. */
  scriptsFor(choices: Choices): readonly string[]
}

/** The variant key of pages for visitors who have not chosen yet (banner shown). */
export const unanswered = 'unset'
/** The only variant key when there is nothing to choose. */
export const nothingToChoose = 'none'
/** Added to a variant key for the page that confirms a saved choice. */
export const savedSuffix = '+saved'

/** Every answer a visitor can give: each optional category yes or no, in every combination. */
export function everyAnswer(categories: readonly string[]): Choices[] {
  return Array.from({ length: 2 ** categories.length }, (_, bits) =>
    Object.fromEntries(
      categories.map((category, index) => [category, (bits & (1 << index)) !== 0]),
    ),
  )
}

export function answerKey(categories: readonly string[], choices: Choices): string {
  return categories.map((category) => `${category}=${choices[category] ? 1 : 0}`).join(';')
}

export function consentPolicy(site: SiteConfig): ConsentPolicy {
  const optional = site.cookieInventory.filter((entry) => entry.category !== 'necessary')
  const categories = cookieCategories.filter(
    (category): category is OptionalCategory =>
      category !== 'necessary' && optional.some((entry) => entry.category === category),
  )
  // Every field of every optional cookie: any change to what visitors agreed to asks again.
  const version = createHash('sha256')
    .update(JSON.stringify(optional))
    .digest('base64url')
    .slice(0, 10)
  return {
    categories,
    version,
    scriptsFor: (choices) => [
      ...new Set(
        optional
          .filter((entry) => choices[entry.category] === true)
          .flatMap((entry) => entry.scripts),
      ),
    ],
    ...(site.consentCookieDomain ? { cookieDomain: site.consentCookieDomain } : {}),
  }
}

import { createHash } from 'node:crypto'
import { type CookieCategory, cookieCategories, type SiteConfig } from '../site-config.js'

export type OptionalCategory = Exclude<CookieCategory, 'necessary'>

/** A visitor's answer: yes or no for each optional category. */
export type Choices = Readonly<Record<string, boolean>>

/** What there is to consent to, worked out from the cookie inventory. */
export interface ConsentPolicy {
  /** The optional categories the inventory uses, in a fixed order; empty: nothing to choose. */
  readonly categories: readonly OptionalCategory[]
  /** Changes whenever a category, cookie or purpose changes, so that visitors are asked again. */
  readonly version: string
  /** Every answer a visitor can give, as variant keys: `analytics=0`, `analytics=1`, ... */
  readonly answers: readonly string[]
  /** The scripts to load for an answer. */
  scriptsFor(choices: Choices): readonly string[]
  readonly cookieDomain?: string
}

/** The variant key of pages for visitors who have not chosen yet (banner shown). */
export const unanswered = 'unset'
/** The only variant key when there is nothing to choose. */
export const nothingToChoose = 'none'

export function answerKey(categories: readonly string[], choices: Choices): string {
  return categories.map((category) => `${category}=${choices[category] ? 1 : 0}`).join(';')
}

export function consentPolicy(site: SiteConfig): ConsentPolicy {
  const optional = site.cookieInventory.filter((entry) => entry.category !== 'necessary')
  const categories = cookieCategories.filter(
    (category): category is OptionalCategory =>
      category !== 'necessary' && optional.some((entry) => entry.category === category),
  )
  const version = createHash('sha256')
    .update(
      JSON.stringify(
        optional.map((entry) => [
          entry.category,
          entry.name,
          entry.provider,
          entry.purpose,
          entry.scripts,
        ]),
      ),
    )
    .digest('base64url')
    .slice(0, 10)
  const answers: string[] = []
  for (let bits = 0; bits < 2 ** categories.length; bits++) {
    answers.push(
      answerKey(
        categories,
        Object.fromEntries(
          categories.map((category, index) => [category, (bits & (1 << index)) !== 0]),
        ),
      ),
    )
  }
  return {
    categories,
    version,
    answers: categories.length === 0 ? [] : answers,
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

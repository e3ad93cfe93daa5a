import type { CookieEntry } from '../config/cookie-inventory-config.js'
import {
  answerKey,
  type Choices,
  type ConsentPolicy,
  everyAnswer,
  nothingToChoose,
  savedSuffix,
  unanswered,
} from '../consent/consent-policy.js'
import type { LanguageContent } from '../content/content-model.js'

/** One optional category: its name, what it is for (the inventory's purposes), its cookies. */
export interface ConsentCategoryView {
  readonly id: string
  readonly name: string
  readonly purposes: readonly string[]
  readonly usedBy: string
  readonly yes: boolean
}

/** The words for a saved choice: everything accepted, everything refused, or some of each. */
function answerOf(choices: Choices, categories: readonly string[]): ConsentView['answer'] {
  const yes = categories.filter((category) => choices[category] === true).length
  return yes === categories.length ? 'accepted' : yes === 0 ? 'rejected' : 'mixed'
}

/** What a page shows about consent in one variant: banner, form state, confirmation, scripts. */
export interface ConsentView {
  readonly key: string
  /** Nothing to choose: no banner, and the form says so. */
  readonly nothingToChoose: boolean
  readonly banner: boolean
  /** The confirmation after a saved choice: in the form on the cookie page, at the top elsewhere. */
  readonly saved: boolean
  /** What the saved choice was, for the confirmation's words. */
  readonly answer: 'accepted' | 'rejected' | 'mixed' | null
  readonly categories: readonly ConsentCategoryView[]
  readonly scripts: readonly string[]
}

/**
 * Every variant a page can be in, given what there is to choose: before a choice (the banner),
 * after each answer, and each answer just saved (the confirmation).
 */
export function consentViews(
  policy: ConsentPolicy,
  inventory: readonly CookieEntry[],
  language: LanguageContent,
): ConsentView[] {
  const { t } = language
  const cookiesOf = (category: string) => inventory.filter((entry) => entry.category === category)
  const describe = (choices: Choices): ConsentCategoryView[] =>
    policy.categories.map((category) => ({
      id: category,
      name: t(`cookies:categories.${category}`),
      purposes: [
        ...new Set(cookiesOf(category).flatMap((entry) => entry.purpose[language.lng] ?? [])),
      ],
      usedBy: t('cookies:preferences.usedBy', {
        cookies: new Intl.ListFormat(language.lng, { type: 'conjunction' }).format(
          cookiesOf(category).map((entry) => `${entry.name} (${entry.provider})`),
        ),
      }),
      yes: choices[category] === true,
    }))
  if (policy.categories.length === 0) {
    return [
      {
        key: nothingToChoose,
        nothingToChoose: true,
        banner: false,
        saved: false,
        answer: null,
        categories: [],
        scripts: [],
      },
    ]
  }
  const views: ConsentView[] = [
    {
      key: unanswered,
      nothingToChoose: false,
      banner: true,
      saved: false,
      answer: null,
      categories: describe({}),
      scripts: [],
    },
  ]
  for (const choices of everyAnswer(policy.categories)) {
    const view = {
      key: answerKey(policy.categories, choices),
      nothingToChoose: false,
      banner: false,
      saved: false,
      answer: answerOf(choices, policy.categories),
      categories: describe(choices),
      scripts: policy.scriptsFor(choices),
    }
    views.push(view, { ...view, key: `${view.key}${savedSuffix}`, saved: true })
  }
  return views
}

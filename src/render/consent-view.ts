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

/** What a page shows about consent in one variant: banner, form state, confirmation, scripts. */
export interface ConsentView {
  readonly key: string
  /** Nothing to choose: no banner, and the form says so. */
  readonly nothingToChoose: boolean
  readonly banner: boolean
  /** The confirmation after saving the form (`role="status"`). */
  readonly saved: boolean
  readonly categories: readonly { id: string; name: string; usedBy: string; yes: boolean }[]
  readonly scripts: readonly string[]
}

/** Every variant a page can be in, given what there is to choose and whether it has the form. */
export function consentViews(
  policy: ConsentPolicy,
  inventory: readonly CookieEntry[],
  language: LanguageContent,
  options: { withConfirmation: boolean },
): ConsentView[] {
  const { t } = language
  const describe = (choices: Choices) =>
    policy.categories.map((category) => ({
      id: category,
      name: t(`cookies:categories.${category}`),
      usedBy: t('cookies:preferences.usedBy', {
        cookies: new Intl.ListFormat(language.lng, { type: 'conjunction' }).format(
          inventory
            .filter((entry) => entry.category === category)
            .map((entry) => `${entry.name} (${entry.provider})`),
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
      categories: describe(choices),
      scripts: policy.scriptsFor(choices),
    }
    views.push(view)
    if (options.withConfirmation)
      views.push({ ...view, key: `${view.key}${savedSuffix}`, saved: true })
  }
  return views
}

import { versionPath } from '../config/site-pages.js'
import type { ChangeCounts } from '../content/compare-paragraphs.js'
import { compareVersions, type SectionComparison } from '../content/compare-versions.js'
import type { LanguageContent } from '../content/content-model.js'
import { textWithDate, textWithDates } from '../content/dates.js'
import type { PolicyModel } from '../content/policy.js'

/** What a comparison page shows: the changed sections first and listed at the top, the rest closed. */

/** "3 words removed, 5 words added": each count that is not zero, joined as the language joins a list. */
function countsPhrase(language: LanguageContent, counts: ChangeCounts): string {
  const { t, tag } = language
  const phrases = (
    [
      ['wordsRemoved', counts.wordsRemoved],
      ['wordsAdded', counts.wordsAdded],
      ['paragraphsRemoved', counts.paragraphsRemoved],
      ['paragraphsAdded', counts.paragraphsAdded],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([key, count]) => t(`history:compare.${key}`, { count }))
  return new Intl.ListFormat(tag, { type: 'conjunction', style: 'narrow' }).format(phrases)
}

/** Two versions compared: their dates and links, the newer one's summary, and each section. */
export function compareView(language: LanguageContent, older: PolicyModel, newer: PolicyModel) {
  const { t, lng, tag } = language
  const sections = compareVersions(older, newer, tag, {
    insertion: t('history:compare.insertion'),
    deletion: t('history:compare.deletion'),
    end: t('history:compare.end'),
  })
  const changed = sections.filter((section) => section.change !== 'unchanged')
  const changeLabels = {
    added: t('history:compare.sectionAdded'),
    removed: t('history:compare.sectionRemoved'),
    changed: t('history:compare.sectionChanged'),
    unchanged: t('history:compare.sectionUnchanged'),
  }
  const describe = (section: SectionComparison) =>
    section.change === 'changed'
      ? countsPhrase(language, section.counts) || changeLabels.changed
      : changeLabels[section.change]
  return {
    versions: textWithDates(
      t('history:compare.versions', { skipInterpolation: true }),
      { from: older.version.effective, to: newer.version.effective },
      lng,
    ),
    links: [older, newer].map((policy) => ({
      href: versionPath(lng, policy.version.id),
      label: textWithDate(
        t('history:list.item', { skipInterpolation: true }),
        policy.version.effective,
        lng,
      ),
    })),
    summary: newer.summary,
    changedCount:
      changed.length === 0
        ? t('history:compare.noChanges')
        : t('history:compare.count', { count: changed.length, total: sections.length }),
    changed: changed.map((section) => ({
      ...section,
      changeLabel: changeLabels[section.change],
      description: describe(section),
    })),
    unchanged: sections.filter((section) => section.change === 'unchanged'),
  }
}

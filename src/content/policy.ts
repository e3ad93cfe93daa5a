import type { i18n } from 'i18next'
import { ConfigError } from '../config-error.js'
import { pageLinkResolver } from '../site-pages.js'
import { isPolicyDate, type PolicyDate, textWithDate } from './dates.js'
import { textList, translatorFor } from './locales.js'
import { type Html, renderParagraph } from './markup.js'

export interface PolicySection {
  readonly id: string
  readonly heading: string
  readonly paragraphs: readonly Html[]
}

export interface PolicyModel {
  readonly updatedDate: PolicyDate
  readonly effectiveDate: PolicyDate
  /** "Oppdateringstid: 2024" with the date in a `<time>` element. */
  readonly updated: Html
  readonly effective: Html
  readonly note: string
  readonly sections: readonly PolicySection[]
}

function policyDate(i18n: i18n, lng: string, which: 'updated' | 'effective'): PolicyDate {
  const value = translatorFor(i18n, lng)(`policy:dates.${which}`)
  if (!isPolicyDate(value)) {
    throw new ConfigError(
      `locale file locales/${lng}/policy.json: dates.${which} "${value}" must be a year (2024), a month (2024-05) or a day (2024-05-17)`,
    )
  }
  return value
}

/** The notice of one language: its dates and its sections in the shared order, links resolved. */
export function buildPolicy(i18n: i18n, lng: string, order: readonly string[]): PolicyModel {
  const t = translatorFor(i18n, lng)
  const resolvePage = pageLinkResolver(lng)
  const written = Object.keys(i18n.getResource(lng, 'policy', 'sections') ?? {})
  const unordered = written.filter((id) => !order.includes(id))
  if (unordered.length > 0) {
    throw new ConfigError(
      `locale file locales/${lng}/policy.json: section "${unordered[0]}" is not in locales/sections.json`,
    )
  }
  const updatedDate = policyDate(i18n, lng, 'updated')
  const effectiveDate = policyDate(i18n, lng, 'effective')
  return {
    updatedDate,
    effectiveDate,
    updated: textWithDate(t('policy:updated', { skipInterpolation: true }), updatedDate, lng),
    effective: textWithDate(t('policy:effective', { skipInterpolation: true }), effectiveDate, lng),
    note: t('policy:note'),
    sections: order.map((id) => ({
      id,
      heading: t(`policy:sections.${id}.heading`),
      paragraphs: textList(i18n, lng, `policy:sections.${id}.paragraphs`).map((text, index) =>
        renderParagraph(
          text,
          resolvePage,
          `locale file locales/${lng}/policy.json: sections.${id}.paragraphs[${index}]`,
        ),
      ),
    })),
  }
}

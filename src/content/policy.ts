import type { i18n } from 'i18next'
import { pageLinkResolver } from '../config/site-pages.js'
import { textWithDate } from './dates.js'
import type { Html } from './html.js'
import { buildInBrief, type InBriefLine } from './in-brief.js'
import { textList, translatorFor } from './locales.js'
import { renderParagraph } from './markup.js'
import { type VersionEntry, versionNamespace } from './version-index.js'

export interface PolicySection {
  readonly id: string
  readonly heading: string
  readonly paragraphs: readonly Html[]
  /** The paragraphs as written in the locale file, for comparing versions word by word. */
  readonly sourceParagraphs: readonly string[]
}

/** One published version of the notice in one language, ready to render. */
export interface PolicyModel {
  readonly version: VersionEntry
  /** "Oppdateringstid: 2024" with the date in a `<time>` element. */
  readonly updated: Html
  readonly effective: Html
  /** What changed in this version, in a sentence or two. */
  readonly summary: string
  readonly note: string
  /** The short summary shown above the contents, each line linking to its section. */
  readonly inBrief: readonly InBriefLine[]
  readonly sections: readonly PolicySection[]
}

/** The section ids of a version, in the order its Norwegian file lists them. */
export function versionSectionOrder(i18n: i18n, source: string, version: VersionEntry): string[] {
  return Object.keys(i18n.getResource(source, versionNamespace(version.id), 'sections') ?? {})
}

/** One version of the notice in one language: its dates, summary and sections, links resolved. */
export function buildPolicyVersion(
  i18n: i18n,
  lng: string,
  version: VersionEntry,
  order: readonly string[],
): PolicyModel {
  const t = translatorFor(i18n, lng)
  const ns = versionNamespace(version.id)
  const file = `locales/${lng}/${ns}.json`
  const resolvePage = pageLinkResolver(lng)
  const sections = order.map((id) => {
    const sourceParagraphs = textList(i18n, lng, `${ns}:sections.${id}.paragraphs`)
    return {
      id,
      heading: t(`${ns}:sections.${id}.heading`),
      paragraphs: sourceParagraphs.map((text, index) =>
        renderParagraph(
          text,
          resolvePage,
          `locale file ${file}: sections.${id}.paragraphs[${index}]`,
          t('common:translation.translatorNote'),
        ),
      ),
      sourceParagraphs,
    }
  })
  const inBrief = i18n.getResource(lng, ns, 'inBrief')
  return {
    version,
    updated: textWithDate(t(`${ns}:updated`, { skipInterpolation: true }), version.updated, lng),
    effective: textWithDate(
      t(`${ns}:effective`, { skipInterpolation: true }),
      version.effective,
      lng,
    ),
    summary: t(`${ns}:summary`),
    note: t(`${ns}:note`),
    inBrief: buildInBrief(inBrief, sections, resolvePage, `locale file ${file}`),
    sections,
  }
}

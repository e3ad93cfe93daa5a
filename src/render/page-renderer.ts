import type { ErrorKind } from '../config/error-kinds.js'
import { pagePath, requestPath } from '../config/site-pages.js'
import type { Content, LanguageContent } from '../content/content-model.js'
import { textWithDate } from '../content/dates.js'
import type { Assets } from './assets.js'
import type { ConsentView } from './consent-view.js'
import { crawlerHead } from './crawler-head.js'
import { pageFrame } from './page-frame.js'
import type { PageEntry } from './page-table.js'
import type { Templates } from './templates.js'

export interface PageRenderer {
  /** The same compiled templates for other content: no template is compiled again. */
  withContent(content: Content): PageRenderer
  /** A page of the page table, for one consent variant. */
  page(entry: PageEntry, consent: ConsentView): string
  error(language: LanguageContent, kind: ErrorKind, details?: string): string
  /**
   * A page about one visitor's records (a request's status), outside the page table: never
   * indexed, no banner, its language switcher leading to the request form.
   */
  record(language: LanguageContent, title: string, body: string): string
  /** The template texts, for the request pages rendered where they are served. */
  readonly views: ReadonlyMap<string, string>
}

/** Renders pages to strings with templates compiled once, in the frame every page shares. */
export function createPageRenderer(
  templates: Templates,
  content: Content,
  assets: Assets,
  baseUrl: string,
): PageRenderer {
  const { layout, pages } = templates
  const bare = (language: LanguageContent, pathIn: (lng: string) => string) =>
    pageFrame(content, assets, language, undefined, pathIn, null)
  const unlisted = {
    robots: 'noindex',
    canonical: null,
    alternates: [],
    privacyPolicy: null,
    openGraph: null,
    jsonLd: null,
    printed: null,
  }
  return {
    views: templates.views,
    withContent: (next) => createPageRenderer(templates, next, assets, baseUrl),
    page({ language, template, parts, view }, consent) {
      const frame = pageFrame(content, assets, language, parts.current, parts.pathIn, consent)
      const body = pages[template]({ ...frame, ...view })
      const head = crawlerHead(content, language, parts, baseUrl)
      // On paper: which version of the notice this is, and where the page lives.
      const printed = {
        version: textWithDate(
          language.t('history:version.title', { skipInterpolation: true }),
          parts.version.effective,
          language.lng,
        ),
        address: head.canonical,
      }
      return layout({ ...frame, ...head, printed, body })
    },
    error(language, kind, details) {
      const { t } = language
      const error = {
        title: t(`common:errors.${kind}.title`),
        body: t(`common:errors.${kind}.body`),
        details: details ?? null,
      }
      const frame = bare(language, (lng) => pagePath(lng, 'policy'))
      return layout({
        ...frame,
        ...unlisted,
        title: error.title,
        description: error.body,
        body: pages.error({ ...frame, error }),
      })
    },
    record(language, title, body) {
      const frame = bare(language, requestPath)
      return layout({ ...frame, ...unlisted, title, description: title, body })
    },
  }
}

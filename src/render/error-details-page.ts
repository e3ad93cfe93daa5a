import type { Content } from '../content/content-model.js'
import { escapeHtml } from '../content/html.js'
import type { PageRenderer } from './page-renderer.js'

/**
 * The 500 page a developer sees outside production, with the error's stack: rendered once per
 * language when the site is built, around a slot that the stack fills in, escaped, per request.
 */
export interface ErrorDetailsPage {
  readonly tag: string
  readonly before: string
  readonly after: string
}

// Letters only: escaping leaves it as it is, so it is found again in the rendered page.
const slot = 'ErrorDetailsGoHere'

export function errorDetailsPages(
  content: Content,
  renderer: PageRenderer,
): ReadonlyMap<string, ErrorDetailsPage> {
  return new Map(
    content.languages.map((language) => {
      const [before = '', after = ''] = renderer.error(language, 'serverError', slot).split(slot)
      return [language.lng, { tag: language.tag, before, after }]
    }),
  )
}

export const withDetails = (page: ErrorDetailsPage, details: string): string =>
  `${page.before}${escapeHtml(details)}${page.after}`

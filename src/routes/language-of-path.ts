import type { PageTable } from '../render/page-table.js'

/** The language an error page should speak: the path's first segment when it is one we serve. */
export function languageOfPath(path: string, pages: PageTable): string {
  const segment = path.split('/')[1] ?? ''
  return pages.languages.includes(segment) ? segment : pages.defaultLanguage
}

import type { ServedSite } from '../build/served-site.js'
import { negotiateLanguage } from '../http/accept-language.js'

/**
 * The language an error page should speak: the path's first segment when it is a language we
 * serve, otherwise the visitor's Accept-Language, otherwise the default.
 */
export function errorPageLanguage(
  path: string,
  acceptLanguage: string | undefined,
  site: ServedSite,
): string {
  const { responses } = site
  const segment = path.split('/')[1] ?? ''
  if (responses.languages.includes(segment)) return segment
  return negotiateLanguage(acceptLanguage, site.acceptLanguage, responses.defaultLanguage)
}

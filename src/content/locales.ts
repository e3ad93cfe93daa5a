import i18next, { type i18n, type TOptions } from 'i18next'
import { ConfigError } from '../config/config-error.js'

/**
 * One locale file per page, `common` for what every page shares, `draft`: the notice as staff
 * are writing it, which no public page shows until it is published, `mail`: the emails to
 * visitors about their privacy requests, and `request`: the form for those requests, its pages
 * and the invitation to it.
 */
export const namespaces = [
  'common',
  'policy',
  'cookies',
  'contact',
  'history',
  'draft',
  'mail',
  'request',
] as const

/** Looks up a text; a key that is missing or not a text is an error, never a raw key on the page. */
export type Translate = (key: string, options?: TOptions) => string

/** The texts of every locale file: language → namespace (`policy`, `versions/2024`) → JSON. */
export type LocaleResources = Record<string, Record<string, Record<string, unknown>>>

/**
 * A fresh i18next instance holding the locale files as read and checked (i18next-fs-backend read
 * them in the read stage). A fresh instance each time means a reload gives exactly what a fresh
 * start gives (reloadResources would merge).
 */
export async function localeStore(
  resources: LocaleResources,
  languages: readonly string[],
  allNamespaces: readonly string[],
): Promise<i18n> {
  const instance = i18next.createInstance()
  await instance.init({
    resources,
    lng: languages[0] ?? 'nb',
    supportedLngs: [...languages],
    fallbackLng: false,
    ns: [...allNamespaces],
    defaultNS: 'common',
    load: 'currentOnly',
    initAsync: false,
    // EJS escapes everything it prints; escaping here as well would double-escape.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return instance
}

export function translatorFor(i18n: i18n, lng: string): Translate {
  const t = i18n.getFixedT(lng)
  return (key, options) => {
    const value: unknown = t(key, { ...options, lng })
    if (!i18n.exists(key, { ...options, lng }) || typeof value !== 'string') {
      const [ns, name] = key.includes(':') ? key.split(':', 2) : ['common', key]
      throw new ConfigError(`locale file locales/${lng}/${ns}.json has no text "${name}"`)
    }
    return value
  }
}

/** A list of texts under a key, such as the paragraphs of a section. */
export function textList(i18n: i18n, lng: string, key: string): string[] {
  const value: unknown = i18n.getFixedT(lng)(key, { returnObjects: true })
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.some((item) => typeof item !== 'string')
  ) {
    const [ns, name] = key.split(':', 2)
    throw new ConfigError(
      `locale file locales/${lng}/${ns}.json: "${name}" must be a list of texts`,
    )
  }
  return value as string[]
}

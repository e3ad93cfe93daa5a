import { readFileSync } from 'node:fs'
import path from 'node:path'
import { localeStore, type Translate, translatorFor } from '../../src/content/locales.js'
import { fixtureLocalesDir } from './fixture-content.js'

export const mailLanguages = ['nb', 'en', 'zh'] as const

/** The translators of the test content's `common` and `mail` texts, by language. */
export async function mailTranslators(): Promise<Record<string, Translate>> {
  const read = (lng: string, ns: string) =>
    JSON.parse(readFileSync(path.join(fixtureLocalesDir, lng, `${ns}.json`), 'utf8'))
  const resources = Object.fromEntries(
    mailLanguages.map((lng) => [lng, { common: read(lng, 'common'), mail: read(lng, 'mail') }]),
  )
  const i18n = await localeStore(resources, mailLanguages, ['common', 'mail'])
  return Object.fromEntries(mailLanguages.map((lng) => [lng, translatorFor(i18n, lng)]))
}

import { ConfigError } from '../config-error.js'
import { type ConsentPolicy, consentPolicy } from '../consent/consent-policy.js'
import type { SiteConfig } from '../site-config.js'
import { pageLinkResolver } from '../site-pages.js'
import { buildContactDetails, type ContactDetails } from './contact-details.js'
import { buildCookieInventory, type CookieInventoryModel } from './cookie-inventory.js'
import { loadLocales, type Translate, translatorFor } from './locales.js'
import { type Html, renderInline } from './markup.js'
import { buildPolicyVersion, type PolicyModel, versionSectionOrder } from './policy.js'
import {
  loadVersionIndex,
  type VersionTimeline,
  versionNamespace,
  versionTimeline,
} from './version-index.js'

/** Everything one language's pages are made of, checked and ready to render. */
export interface LanguageContent {
  readonly lng: string
  /** BCP 47 tag for `lang` and `hreflang` (`nb`, `en`, `zh-Hans`), the name in itself, Open Graph locale. */
  readonly tag: string
  readonly name: string
  readonly ogLocale: string
  readonly t: Translate
  /** The version of the notice in force. */
  readonly policy: PolicyModel
  /** Every published version by id, oldest first, the one in force and announced ones included. */
  readonly versions: ReadonlyMap<string, PolicyModel>
  readonly cookies: CookieInventoryModel & { readonly questions: Html }
}

export interface Content {
  readonly site: SiteConfig
  /** What visitors can consent to, from the cookie inventory. */
  readonly consent: ConsentPolicy
  readonly contact: ContactDetails
  readonly languages: readonly LanguageContent[]
  /** Which version is in force at the time of the build, and which are announced. */
  readonly timeline: VersionTimeline
}

/** A BCP 47 tag as the pages use it: language, optional script, optional region (`zh-Hans`). */
export const languageTag = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/
export const openGraphLocale = /^[a-z]{2,3}_[A-Z]{2}$/

function languageIdentity(
  t: Translate,
  lng: string,
): { tag: string; name: string; ogLocale: string } {
  const tag = t('common:language.tag')
  const locale = t('common:language.ogLocale')
  const where = `locale file locales/${lng}/common.json`
  if (!languageTag.test(tag) || tag.split('-')[0] !== lng) {
    throw new ConfigError(
      `${where}: language.tag "${tag}" must be a language tag starting with "${lng}", such as "${lng}" or "zh-Hans"`,
    )
  }
  if (!openGraphLocale.test(locale)) {
    throw new ConfigError(`${where}: language.ogLocale "${locale}" must look like "nb_NO"`)
  }
  return { tag, name: t('common:language.name'), ogLocale: locale }
}

/**
 * Locale files and site configuration in, a validated content model out; throws ConfigError.
 * `now` decides which published version of the notice is in force.
 */
export async function loadContent(
  localesDir: string,
  site: SiteConfig,
  now: Date,
): Promise<Content> {
  const index = loadVersionIndex(localesDir)
  const timeline = versionTimeline(index, now)
  const i18n = await loadLocales(
    localesDir,
    site.languages,
    index.versions.map((version) => versionNamespace(version.id)),
  )
  const source = site.languages[0] ?? 'nb'
  const orders = new Map(
    index.versions.map((version) => [version.id, versionSectionOrder(i18n, source, version)]),
  )
  const consent = consentPolicy(site)
  const languages = site.languages.map((lng) => {
    const t = translatorFor(i18n, lng)
    const versions = new Map(
      index.versions.map((version) => [
        version.id,
        buildPolicyVersion(i18n, lng, version, orders.get(version.id) ?? []),
      ]),
    )
    return {
      lng,
      ...languageIdentity(t, lng),
      t,
      policy: versions.get(timeline.inForce.id) as PolicyModel,
      versions,
      cookies: {
        ...buildCookieInventory(site.cookieInventory, lng, t, {
          // The consent cookie exists only where there is something to choose.
          consentCookie: consent.categories.length > 0,
        }),
        questions: renderInline(
          t('cookies:questions'),
          pageLinkResolver(lng),
          `locale file locales/${lng}/cookies.json: questions`,
        ),
      },
    }
  })
  return { site, consent, contact: buildContactDetails(site), languages, timeline }
}

/**
 * The same content at another moment: which version is in force and which are announced. No
 * file is read, so a version comes into force at its time even while a file being edited has
 * a mistake.
 */
export function contentAt(content: Content, now: Date): Content {
  const timeline = versionTimeline(content.timeline.index, now)
  return {
    ...content,
    timeline,
    languages: content.languages.map((language) => ({
      ...language,
      policy: language.versions.get(timeline.inForce.id) as PolicyModel,
    })),
  }
}

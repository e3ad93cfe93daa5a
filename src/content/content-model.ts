import type { SiteConfig } from '../config/site-config.js'
import { pageLinkResolver } from '../config/site-pages.js'
import { type ConsentPolicy, consentPolicy } from '../consent/consent-policy.js'
import { buildContactDetails, type ContactDetails } from './contact-details.js'
import { buildCookieInventory, type CookieInventoryModel } from './cookie-inventory.js'
import type { Html } from './html.js'
import {
  type LocaleResources,
  localeStore,
  namespaces,
  type Translate,
  translatorFor,
} from './locales.js'
import { renderInline } from './markup.js'
import { buildPolicyVersion, type PolicyModel, versionSectionOrder } from './policy.js'
import {
  type VersionTimeline,
  versionIndexOf,
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
  readonly cookies: CookieInventoryModel & {
    /** What the page says of the company's other sites: their list, none, or not yet published. */
    readonly otherSitesSays: Html
    /** After a list that is not yet complete: that it is not, and whom to ask. */
    readonly otherSitesIncomplete: Html | null
    readonly questions: Html
  }
}

function cookiesModel(
  site: SiteConfig,
  lng: string,
  t: Translate,
  consentCookie: boolean,
): LanguageContent['cookies'] {
  // The consent cookie exists only where there is something to choose.
  const inventory = buildCookieInventory(site.cookieInventory, lng, t, { consentCookie })
  const text = (key: string) =>
    renderInline(
      t(`cookies:${key}`),
      pageLinkResolver(lng),
      `locale file locales/${lng}/cookies.json: ${key}`,
    )
  const complete = site.cookieInventoryOfOtherSites === 'complete'
  const listed = inventory.otherSites.length > 0
  return {
    ...inventory,
    otherSitesSays: text(
      listed ? 'otherSites.some' : complete ? 'otherSites.none' : 'otherSites.notPublished',
    ),
    otherSitesIncomplete: listed && !complete ? text('otherSites.incomplete') : null,
    questions: text('questions'),
  }
}

export interface Content {
  readonly site: SiteConfig
  /** What visitors can consent to, from the cookie inventory. */
  readonly consent: ConsentPolicy
  readonly contact: ContactDetails
  readonly languages: readonly LanguageContent[]
  /** Which version is in force at the time of the build, and which are announced. */
  readonly timeline: VersionTimeline
  /**
   * The texts the request pages and emails are made of where requests are answered, away from
   * this model: the `common`, `request` and `mail` locale files of every language.
   */
  readonly recordTexts: LocaleResources
}

/** The namespaces of the pages and emails about a visitor's request. */
export const recordNamespaces = ['common', 'request', 'mail'] as const

/** The files as parsed by the check stage, by key: `versions`, `nb/policy`, `en/versions/2024`. */
export type ParsedFiles = ReadonlyMap<string, { readonly value: unknown }>

/**
 * The content model stage: the checked files in, everything the pages are made of out. It
 * validates nothing of its own (the check stage has); `now` decides which published version of
 * the notice is in force.
 */
export async function buildContent(
  site: SiteConfig,
  files: ParsedFiles,
  now: Date,
): Promise<Content> {
  const index = versionIndexOf(files.get('versions')?.value)
  const timeline = versionTimeline(index, now)
  const versionNamespaces = index.versions.map((version) => versionNamespace(version.id))
  const i18n = await localeStore(
    localeResources(files, site.languages, [...namespaces, ...versionNamespaces]),
    site.languages,
    [...namespaces, ...versionNamespaces],
  )
  const [source = 'nb'] = site.languages
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
      tag: t('common:language.tag'),
      name: t('common:language.name'),
      ogLocale: t('common:language.ogLocale'),
      t,
      policy: versions.get(timeline.inForce.id) as PolicyModel,
      versions,
      cookies: cookiesModel(site, lng, t, consent.categories.length > 0),
    }
  })
  return {
    site,
    consent,
    contact: buildContactDetails(site),
    languages,
    timeline,
    recordTexts: localeResources(files, site.languages, recordNamespaces),
  }
}

/** The parsed locale files as i18next takes them: language → namespace → texts. */
function localeResources(
  files: ParsedFiles,
  languages: readonly string[],
  names: readonly string[],
): LocaleResources {
  return Object.fromEntries(
    languages.map((lng) => [
      lng,
      Object.fromEntries(
        names.map((ns) => [ns, files.get(`${lng}/${ns}`)?.value as Record<string, unknown>]),
      ),
    ]),
  )
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

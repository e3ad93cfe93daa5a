import type { SiteConfig } from '../site-config.js'
import { pageLinkResolver } from '../site-pages.js'
import { buildContactDetails, type ContactDetails } from './contact-details.js'
import { buildCookieInventory, type CookieInventoryModel } from './cookie-inventory.js'
import { loadLocales, type Translate, translatorFor } from './locales.js'
import { type Html, renderInline } from './markup.js'
import { buildPolicy, type PolicyModel } from './policy.js'
import { loadSectionOrder } from './section-order.js'

/** Everything one language's pages are made of, checked and ready to render. */
export interface LanguageContent {
  readonly lng: string
  readonly t: Translate
  readonly policy: PolicyModel
  readonly cookies: CookieInventoryModel & { readonly questions: Html }
}

export interface Content {
  readonly site: SiteConfig
  readonly contact: ContactDetails
  readonly languages: readonly LanguageContent[]
}

/** Locale files and site configuration in, a validated content model out; throws ConfigError. */
export async function loadContent(localesDir: string, site: SiteConfig): Promise<Content> {
  const order = loadSectionOrder(localesDir)
  const i18n = await loadLocales(localesDir, site.languages)
  const languages = site.languages.map((lng) => {
    const t = translatorFor(i18n, lng)
    return {
      lng,
      t,
      policy: buildPolicy(i18n, lng, order),
      cookies: {
        ...buildCookieInventory(site.cookieInventory, lng, t),
        questions: renderInline(
          t('cookies:questions'),
          pageLinkResolver(lng),
          `locale file locales/${lng}/cookies.json: questions`,
        ),
      },
    }
  })
  return { site, contact: buildContactDetails(site), languages }
}

import {
  comparePath,
  feedPath,
  type PageName,
  pageNames,
  pagePath,
  requestPath,
  versionsPath,
} from '../config/site-pages.js'
import { contactDetailsIn } from '../content/contact-details.js'
import type { Content, LanguageContent } from '../content/content-model.js'
import { textWithDate } from '../content/dates.js'
import type { Assets } from './assets.js'
import type { ConsentView } from './consent-view.js'
import type { PathIn } from './crawler-head.js'

/** On a translation: that the Norwegian text prevails, with a link to it. */
function translationNote(content: Content, language: LanguageContent, pathIn: PathIn) {
  const source = content.languages[0] as LanguageContent
  if (language.lng === source.lng) return null
  const { t } = language
  return {
    notice: t('common:translation.notice'),
    link: t('common:translation.link'),
    href: pathIn(source.lng),
    hreflang: source.tag,
  }
}

/** A version that takes effect later, announced with a link to what changes. */
function announcementOf(content: Content, language: LanguageContent, pathIn: PathIn) {
  const { timeline } = content
  const announced = timeline.upcoming[0]
  if (!announced) return null
  const { lng, t } = language
  const comparison = comparePath(lng, timeline.inForce.id, announced.id)
  return {
    text: textWithDate(
      t('history:announcement.text', { skipInterpolation: true }),
      announced.effective,
      lng,
    ),
    link: t('history:announcement.link'),
    // On the comparison itself, the announcement does not link to the page it is on.
    href: comparison === pathIn(lng) ? null : comparison,
  }
}

/** What every page of a language shares: menu, language switcher, announcement, footer. */
export function pageFrame(
  content: Content,
  assets: Assets,
  language: LanguageContent,
  current: PageName | undefined,
  pathIn: PathIn,
  consent: ConsentView | null,
) {
  const { lng, t } = language
  return {
    consent,
    cookiesPath: pagePath(lng, 'cookies'),
    // Where the banner's choice returns to: the page the visitor is on.
    returnPath: pathIn(lng),
    onCookiesPage: current === 'cookies',
    // The footer's link to the cookie settings, only where there is something to choose.
    cookieSettingsHref:
      content.consent.categories.length > 0 ? `${pagePath(lng, 'cookies')}#preferences` : null,
    lng,
    tag: language.tag,
    t,
    assets,
    siteName: content.contact.controller?.name ?? t('common:site.name'),
    contact: contactDetailsIn(content.contact, lng),
    nav: pageNames.map((page) => ({
      href: pagePath(lng, page),
      label: t(`common:nav.${page}`),
      current: page === current,
    })),
    languages: content.languages.map((other) => ({
      href: pathIn(other.lng),
      tag: other.tag,
      name: other.name,
      current: other.lng === lng,
    })),
    translation: translationNote(content, language, pathIn),
    announcement: announcementOf(content, language, pathIn),
    feed: { href: feedPath(lng), title: t('history:feed.title') },
    versionsHref: versionsPath(lng),
    // The form for privacy requests, linked from the notice and the contact page when it is on.
    requestHref: content.site.privacyRequests.enabled ? requestPath(lng) : null,
    updated: textWithDate(
      t('common:footer.updated', { skipInterpolation: true }),
      language.policy.version.updated,
      lng,
    ),
  }
}

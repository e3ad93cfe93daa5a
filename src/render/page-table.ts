import {
  comparePath,
  pagePath,
  requestPath,
  type SitePage,
  sitePages,
  versionPath,
  versionsPath,
} from '../config/site-pages.js'
import type { Content, LanguageContent } from '../content/content-model.js'
import { formatPolicyDate as formatted } from '../content/dates.js'
import type { PolicyModel } from '../content/policy.js'
import { requestFormView } from '../requests/form-view.js'
import { compareView } from './compare-view.js'
import type { PageParts } from './crawler-head.js'
import type { TemplateName } from './templates.js'
import { versionListView, versionStatusView } from './version-views.js'

/**
 * One HTML page of the site: where it is, which template shows it, its head, and the data its
 * template gets (its view). The consent variants of a page differ only in the frame around it.
 */
export interface PageEntry {
  readonly path: string
  readonly language: LanguageContent
  readonly template: TemplateName
  readonly parts: PageParts
  readonly view: Readonly<Record<string, unknown>>
}

type PageOf = Omit<PageEntry, 'path' | 'language'>

/** A menu page (the notice, the cookie page, the contact page): the notice in force. */
function sitePageView(language: LanguageContent, page: SitePage): PageOf {
  const { t } = language
  return {
    template: page.template,
    parts: {
      title: t(`${page.namespace}:meta.title`),
      description: t(`${page.namespace}:meta.description`),
      pathIn: (lng) => pagePath(lng, page.name),
      current: page.name,
      robots: null,
      describe: true,
      version: language.policy.version,
    },
    view: { policy: language.policy, versionStatus: null, cookies: language.cookies },
  }
}

/** The list of published versions of the notice. */
function versionListPage(language: LanguageContent, content: Content): PageOf {
  const { t } = language
  return {
    template: 'versions',
    parts: {
      title: t('history:meta.title'),
      description: t('history:meta.description'),
      pathIn: versionsPath,
      current: undefined,
      robots: null,
      describe: true,
      version: language.policy.version,
    },
    view: { items: versionListView(language, content.timeline) },
  }
}

/** One published version, in full, marked as in force, earlier or upcoming. */
function versionPage(language: LanguageContent, content: Content, id: string): PageOf {
  const { t, lng } = language
  const policy = versionOf(language, id)
  const date = formatted(policy.version.effective, lng)
  return {
    template: 'policy',
    parts: {
      title: t('history:version.title', { date }),
      description: t('history:version.description', { date }),
      pathIn: (other) => versionPath(other, id),
      current: undefined,
      robots: 'noindex',
      describe: false,
      version: policy.version,
    },
    view: { policy, versionStatus: versionStatusView(language, content.timeline, id) },
  }
}

/** What changed from an older version to a newer one, word by word. */
function comparePage(language: LanguageContent, older: string, newer: string): PageOf {
  const { t, lng } = language
  const from = formatted(versionOf(language, older).version.effective, lng)
  const to = formatted(versionOf(language, newer).version.effective, lng)
  return {
    template: 'compare',
    parts: {
      title: t('history:compare.title', { from, to }),
      description: t('history:compare.description', { from, to }),
      pathIn: (other) => comparePath(other, older, newer),
      current: undefined,
      robots: 'noindex',
      describe: false,
      version: versionOf(language, newer).version,
    },
    view: {
      comparison: compareView(language, versionOf(language, older), versionOf(language, newer)),
    },
  }
}

/** The form for privacy requests, empty; sent back with its errors, it is rendered per request. */
function requestPage(language: LanguageContent, content: Content): PageOf {
  const { t, lng } = language
  return {
    template: 'request',
    parts: {
      title: t('request:meta.title'),
      description: t('request:meta.description'),
      pathIn: requestPath,
      current: undefined,
      robots: null,
      describe: false,
      version: language.policy.version,
    },
    view: {
      form: requestFormView(t, content.site.privacyRequests.retentionMonths),
      formAction: requestPath(lng),
      limited: null,
    },
  }
}

function versionOf(language: LanguageContent, id: string): PolicyModel {
  const version = language.versions.get(id)
  if (!version) throw new Error(`no version ${id} of the notice`)
  return version
}

/**
 * Every HTML page of every language, in a stable order: the menu pages, the list of versions,
 * each version, and each older version compared with each newer one. One at a time, as the
 * renderer asks for them: a comparison is worked out only when its turn comes.
 */
export function* pageTable(content: Content): Generator<PageEntry> {
  const { versions } = content.timeline.index
  for (const language of content.languages) {
    const { lng } = language
    const entry = (path: string, page: PageOf): PageEntry => ({ path, language, ...page })
    for (const page of sitePages) {
      yield entry(pagePath(lng, page.name), sitePageView(language, page))
    }
    if (content.site.privacyRequests.enabled) {
      yield entry(requestPath(lng), requestPage(language, content))
    }
    yield entry(versionsPath(lng), versionListPage(language, content))
    for (const [index, version] of versions.entries()) {
      yield entry(versionPath(lng, version.id), versionPage(language, content, version.id))
      // Every older version against this one: few versions a year keep this small.
      for (const older of versions.slice(0, index)) {
        yield entry(
          comparePath(lng, older.id, version.id),
          comparePage(language, older.id, version.id),
        )
      }
    }
  }
}

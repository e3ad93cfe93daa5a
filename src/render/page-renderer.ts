import { readFileSync } from 'node:fs'
import path from 'node:path'
import ejs from 'ejs'
import { ConfigError } from '../config-error.js'
import type { ConsentView } from '../consent/consent-view.js'
import { formatPolicyDate as formatted, textWithDate } from '../content/dates.js'
import type { Content, LanguageContent } from '../content/load-content.js'
import {
  comparePath,
  feedPath,
  type PageName,
  pageNames,
  pagePath,
  versionPath,
  versionsPath,
} from '../site-pages.js'
import type { Assets } from './assets.js'
import { crawlerHead, type PageParts, type PathIn } from './crawler-head.js'
import { compareView, versionListView, versionStatusView } from './version-views.js'

export const errorKinds = [
  'badRequest',
  'forbidden',
  'notFound',
  'methodNotAllowed',
  'tooLarge',
  'unsupportedType',
  'tooManyRequests',
  'serverError',
] as const
export type ErrorKind = (typeof errorKinds)[number]

export interface PageRenderer {
  /** The same compiled templates for other content: no template is read again. */
  withContent(content: Content): PageRenderer
  page(language: LanguageContent, page: PageName, consent: ConsentView): string
  /** The list of published versions of the notice. */
  versionList(language: LanguageContent, consent: ConsentView): string
  /** One published version, in full, marked as in force, earlier or upcoming. */
  version(language: LanguageContent, id: string, consent: ConsentView): string
  /** What changed from an older version to a newer one, word by word. */
  compare(language: LanguageContent, older: string, newer: string, consent: ConsentView): string
  error(language: LanguageContent, kind: ErrorKind, details?: string): string
}

type Template = (data: Record<string, unknown>) => string
const templateNames = [...pageNames, 'versions', 'compare', 'error'] as const

function compile(viewsDir: string, name: string): Template {
  const filename = path.join(viewsDir, `${name}.ejs`)
  const template = ejs.compile(readFileSync(filename, 'utf8'), {
    filename,
    // Partials (header, footer, ...) are compiled once, not at every include.
    cache: true,
  }) as Template
  return (data) => {
    try {
      return template(data)
    } catch (error) {
      // EJS prepends the template's source lines to the message; keep the start-up error one line.
      if (error instanceof ConfigError) {
        throw new ConfigError(`${error.problem} (used by views/${name}.ejs)`)
      }
      throw error
    }
  }
}

/** Compiles the templates once; each call renders one page of one language to a string. */
export function createPageRenderer(
  viewsDir: string,
  content: Content,
  assets: Assets,
  baseUrl: string,
): PageRenderer {
  // Each build reads the templates afresh; within a build, a partial is compiled once.
  ejs.clearCache()
  const compiled: Templates = {
    layout: compile(viewsDir, 'layout'),
    pages: Object.fromEntries(
      templateNames.map((name) => [name, compile(viewsDir, `pages/${name}`)]),
    ) as Templates['pages'],
  }
  return rendererWith(compiled, content, assets, baseUrl)
}

interface Templates {
  readonly layout: Template
  readonly pages: Record<(typeof templateNames)[number], Template>
}

function rendererWith(
  compiled: Templates,
  content: Content,
  assets: Assets,
  baseUrl: string,
): PageRenderer {
  const { layout, pages: templates } = compiled
  const source = content.languages[0] as LanguageContent
  const { timeline } = content
  const announced = timeline.upcoming[0]

  /** What every page of a language shares: menu, language switcher, announcement, footer. */
  const frame = (
    language: LanguageContent,
    current: PageName | undefined,
    pathIn: PathIn,
    consent: ConsentView | null,
  ) => {
    const { lng, t } = language
    const comparison = announced ? comparePath(lng, timeline.inForce.id, announced.id) : null
    return {
      consent,
      cookiesPath: pagePath(lng, 'cookies'),
      // Where the banner's choice returns to: the page itself, or the notice from other pages.
      currentPage: current ?? 'policy',
      lng,
      tag: language.tag,
      t,
      assets,
      siteName: content.site.organisationName ?? t('common:site.name'),
      contact: content.contact,
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
      translation:
        lng === source.lng
          ? null
          : {
              notice: t('common:translation.notice'),
              link: t('common:translation.link'),
              href: pathIn(source.lng),
              hreflang: source.tag,
            },
      announcement: announced
        ? {
            text: textWithDate(
              t('history:announcement.text', { skipInterpolation: true }),
              announced.effective,
              lng,
            ),
            link: t('history:announcement.link'),
            // On the comparison itself, the announcement does not link to the page it is on.
            href: comparison === pathIn(lng) ? null : comparison,
          }
        : null,
      feed: { href: feedPath(lng), title: t('history:feed.title') },
      versionsHref: versionsPath(lng),
      updated: textWithDate(
        t('common:footer.updated', { skipInterpolation: true }),
        language.policy.version.updated,
        lng,
      ),
    }
  }

  const render = (
    language: LanguageContent,
    template: Template,
    parts: PageParts,
    consent: ConsentView,
    data: Record<string, unknown>,
  ) => {
    const shared = frame(language, parts.current, parts.pathIn, consent)
    const body = template({ ...shared, ...data })
    return layout({ ...shared, ...crawlerHead(content, language, parts, baseUrl), body })
  }

  const versionOf = (language: LanguageContent, id: string) => {
    const version = language.versions.get(id)
    if (!version) throw new Error(`no version ${id} of the notice`)
    return version
  }

  return {
    withContent: (next) => rendererWith(compiled, next, assets, baseUrl),
    page(language, page, consent) {
      const { t } = language
      return render(
        language,
        templates[page],
        {
          title: t(`${page}:meta.title`),
          description: t(`${page}:meta.description`),
          pathIn: (lng) => pagePath(lng, page),
          current: page,
          robots: null,
          describe: true,
        },
        consent,
        { policy: language.policy, versionStatus: null, cookies: language.cookies },
      )
    },
    versionList(language, consent) {
      const { t } = language
      return render(
        language,
        templates.versions,
        {
          title: t('history:meta.title'),
          description: t('history:meta.description'),
          pathIn: versionsPath,
          current: undefined,
          robots: null,
          describe: true,
        },
        consent,
        { items: versionListView(language, timeline) },
      )
    },
    version(language, id, consent) {
      const { t, lng } = language
      const policy = versionOf(language, id)
      const date = policy.version.effective
      return render(
        language,
        templates.policy,
        {
          title: t('history:version.title', { date: formatted(date, lng) }),
          description: t('history:version.description', { date: formatted(date, lng) }),
          pathIn: (other) => versionPath(other, id),
          current: undefined,
          robots: 'noindex',
          describe: false,
        },
        consent,
        { policy, versionStatus: versionStatusView(language, timeline, id) },
      )
    },
    compare(language, older, newer, consent) {
      const { t, lng } = language
      const from = formatted(versionOf(language, older).version.effective, lng)
      const to = formatted(versionOf(language, newer).version.effective, lng)
      return render(
        language,
        templates.compare,
        {
          title: t('history:compare.title', { from, to }),
          description: t('history:compare.description', { from, to }),
          pathIn: (other) => comparePath(other, older, newer),
          current: undefined,
          robots: 'noindex',
          describe: false,
        },
        consent,
        {
          comparison: compareView(language, versionOf(language, older), versionOf(language, newer)),
        },
      )
    },
    error(language, kind, details) {
      const { t } = language
      const error = {
        title: t(`common:errors.${kind}.title`),
        body: t(`common:errors.${kind}.body`),
        details: details ?? null,
      }
      const shared = frame(language, undefined, (lng) => pagePath(lng, 'policy'), null)
      return layout({
        ...shared,
        title: error.title,
        description: error.body,
        robots: 'noindex',
        canonical: null,
        alternates: [],
        privacyPolicy: null,
        openGraph: null,
        jsonLd: null,
        body: templates.error({ ...shared, error }),
      })
    },
  }
}

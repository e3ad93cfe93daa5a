import { readFileSync } from 'node:fs'
import path from 'node:path'
import ejs from 'ejs'
import { ConfigError } from '../config-error.js'
import type { ConsentView } from '../consent/consent-view.js'
import { textWithDate } from '../content/dates.js'
import type { Content, LanguageContent } from '../content/load-content.js'
import { type PageName, pageNames, pagePath } from '../site-pages.js'
import type { Assets } from './assets.js'
import { structuredData } from './structured-data.js'

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
  page(language: LanguageContent, page: PageName, consent: ConsentView): string
  error(language: LanguageContent, kind: ErrorKind, details?: string): string
}

type Template = (data: Record<string, unknown>) => string

function compile(viewsDir: string, name: string): Template {
  const filename = path.join(viewsDir, `${name}.ejs`)
  const template = ejs.compile(readFileSync(filename, 'utf8'), { filename }) as Template
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
  const layout = compile(viewsDir, 'layout')
  const templates = Object.fromEntries(
    [...pageNames, 'error'].map((name) => [name, compile(viewsDir, `pages/${name}`)]),
  ) as Record<PageName | 'error', Template>
  const source = content.languages[0] as LanguageContent

  /** What every page of a language shares: menu, language switcher, footer. */
  const frame = (
    language: LanguageContent,
    current: PageName | undefined,
    consent: ConsentView | null,
  ) => {
    const { lng, t } = language
    const target = current ?? 'policy'
    return {
      consent,
      cookiesPath: pagePath(lng, 'cookies'),
      currentPage: target,
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
        href: pagePath(other.lng, target),
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
              href: pagePath(source.lng, target),
              hreflang: source.tag,
            },
      updated: textWithDate(
        t('common:footer.updated', { skipInterpolation: true }),
        language.policy.updatedDate,
        lng,
      ),
    }
  }

  const crawlerHead = (
    language: LanguageContent,
    page: PageName,
    title: string,
    description: string,
  ) => {
    const url = (lng: string) => `${baseUrl}${pagePath(lng, page)}`
    const siteName = content.site.organisationName ?? language.t('common:site.name')
    return {
      canonical: url(language.lng),
      alternates: [
        ...content.languages.map((other) => ({ hreflang: other.tag, href: url(other.lng) })),
        { hreflang: 'x-default', href: url(source.lng) },
      ],
      privacyPolicy: `${baseUrl}${pagePath(language.lng, 'policy')}`,
      openGraph: {
        title,
        description,
        url: url(language.lng),
        siteName,
        locale: language.ogLocale,
        alternateLocales: content.languages
          .filter((other) => other.lng !== language.lng)
          .map((other) => other.ogLocale),
      },
      jsonLd: structuredData({
        url: url(language.lng),
        name: title,
        description,
        inLanguage: language.tag,
        dateModified: language.policy.updatedDate,
        siteUrl: baseUrl,
        siteName,
        ...(content.site.organisationName
          ? { organisationName: content.site.organisationName }
          : {}),
        contact: content.contact,
        availableLanguages: content.languages.map((other) => other.name),
      }),
    }
  }

  return {
    page(language, page, consent) {
      const { t } = language
      const title = t(`${page}:meta.title`)
      const description = t(`${page}:meta.description`)
      const shared = frame(language, page, consent)
      const body = templates[page]({
        ...shared,
        policy: language.policy,
        cookies: language.cookies,
      })
      return layout({
        ...shared,
        title,
        description,
        robots: null,
        ...crawlerHead(language, page, title, description),
        body,
      })
    },
    error(language, kind, details) {
      const { t } = language
      const error = {
        title: t(`common:errors.${kind}.title`),
        body: t(`common:errors.${kind}.body`),
        details: details ?? null,
      }
      const shared = frame(language, undefined, null)
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

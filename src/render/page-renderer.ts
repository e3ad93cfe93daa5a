import { readFileSync } from 'node:fs'
import path from 'node:path'
import ejs from 'ejs'
import { ConfigError } from '../config-error.js'
import { textWithDate } from '../content/dates.js'
import type { Content, LanguageContent } from '../content/load-content.js'
import { type PageName, pageNames, pagePath } from '../site-pages.js'
import type { Assets } from './assets.js'

export const errorKinds = ['badRequest', 'notFound', 'serverError'] as const
export type ErrorKind = (typeof errorKinds)[number]

export interface PageRenderer {
  page(language: LanguageContent, page: PageName): string
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

  const render = (
    language: LanguageContent,
    view: PageName | 'error',
    head: { title: string; description: string; canonical: string | null },
    data: Record<string, unknown>,
  ): string => {
    const { lng, t, policy } = language
    const nav = pageNames.map((page) => ({
      href: pagePath(lng, page),
      label: t(`common:nav.${page}`),
      current: page === view,
    }))
    const updated = textWithDate(
      t('common:footer.updated', { skipInterpolation: true }),
      policy.updatedDate,
      lng,
    )
    const shared = {
      lng,
      t,
      nav,
      assets,
      siteName: content.site.organisationName ?? t('common:site.name'),
      contact: content.contact,
    }
    const body = templates[view]({ ...shared, ...data })
    return layout({ ...shared, ...head, body, updated })
  }

  return {
    page(language, page) {
      const { t } = language
      return render(
        language,
        page,
        {
          title: t(`${page}:meta.title`),
          description: t(`${page}:meta.description`),
          canonical: `${baseUrl}${pagePath(language.lng, page)}`,
        },
        { policy: language.policy, cookies: language.cookies },
      )
    },
    error(language, kind, details) {
      const { t } = language
      const error = {
        title: t(`common:errors.${kind}.title`),
        body: t(`common:errors.${kind}.body`),
        details: details ?? null,
      }
      return render(
        language,
        'error',
        { title: error.title, description: error.body, canonical: null },
        { error },
      )
    },
  }
}

import path from 'node:path'
import ejs from 'ejs'
import { ConfigError } from '../config/config-error.js'
import { sitePages } from '../config/site-pages.js'

export type Template = (data: Record<string, unknown>) => string

/** The pages of a privacy request: the form, its receipt, the confirmation and the status. */
export const requestTemplateNames = [
  'request',
  'request-sent',
  'request-confirm',
  'request-status',
] as const

/**
 * The templates of views/pages/: one per menu page, the versions, comparison and error pages,
 * and the request pages.
 */
export const templateNames = [
  ...sitePages.map((page) => page.template),
  'versions',
  'compare',
  'error',
  ...requestTemplateNames,
] as const
export type TemplateName = (typeof templateNames)[number]

let builds = 0

export interface Templates {
  /** The template texts compiled, by absolute file name: the request pages are compiled again where they are served. */
  readonly views: ReadonlyMap<string, string>
  readonly layout: Template
  readonly pages: Readonly<Record<TemplateName, Template>>
}

/**
 * Compiles the templates as the read stage read them; partials come from the same texts, never
 * from the disk, and each is compiled once per build.
 */
export function compileTemplates(viewsDir: string, views: ReadonlyMap<string, string>): Templates {
  ejs.clearCache()
  // EJS caches compiled partials globally by file name: a name of this build's own keeps an older
  // build (rendered again when a version takes effect) on its own partials, never a newer one's.
  const build = `#build-${++builds}`
  const includer = (original: string) => {
    // Includes name a partial under views/ (`partials/header`, `../partials/footer`).
    const name = `${original.replace(/^(\.\.\/)+/, '')}.ejs`
    const template = views.get(path.join(viewsDir, name))
    if (template === undefined) throw new ConfigError(`template views/${name} is missing`)
    return { filename: `${path.join(viewsDir, name)}${build}`, template }
  }
  const compile = (name: string): Template => {
    const filename = path.join(viewsDir, `${name}.ejs`)
    const text = views.get(filename)
    if (text === undefined) throw new ConfigError(`template views/${name}.ejs is missing`)
    const template = ejs.compile(text, {
      filename,
      cache: true,
      // EJS 7 takes a file name and a template together; @types/ejs allows only one of them.
      includer: includer as unknown as ejs.IncluderCallback,
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
  return {
    views,
    layout: compile('layout'),
    pages: Object.fromEntries(
      templateNames.map((name) => [name, compile(`pages/${name}`)]),
    ) as Templates['pages'],
  }
}

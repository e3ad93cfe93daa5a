import path from 'node:path'
import ejs from 'ejs'
import { ConfigError } from '../config/config-error.js'
import { sitePages } from '../config/site-pages.js'

export type Template = (data: Record<string, unknown>) => string

/** The templates of views/pages/: one per menu page, and the versions, comparison and error pages. */
export const templateNames = [
  ...sitePages.map((page) => page.template),
  'versions',
  'compare',
  'error',
] as const
export type TemplateName = (typeof templateNames)[number]

export interface Templates {
  readonly layout: Template
  readonly pages: Readonly<Record<TemplateName, Template>>
}

/**
 * Compiles the templates as the read stage read them; partials come from the same texts, never
 * from the disk, and each is compiled once per build.
 */
export function compileTemplates(viewsDir: string, views: ReadonlyMap<string, string>): Templates {
  ejs.clearCache()
  const compile = (name: string): Template => {
    const filename = path.join(viewsDir, `${name}.ejs`)
    const text = views.get(filename)
    if (text === undefined) throw new ConfigError(`template views/${name}.ejs is missing`)
    const template = ejs.compile(text, {
      filename,
      cache: true,
      includer: (_original: string, resolved: string) => {
        const partial = views.get(resolved)
        if (partial === undefined) throw new ConfigError(`template ${resolved} is missing`)
        return { template: partial }
      },
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
    layout: compile('layout'),
    pages: Object.fromEntries(
      templateNames.map((name) => [name, compile(`pages/${name}`)]),
    ) as Templates['pages'],
  }
}

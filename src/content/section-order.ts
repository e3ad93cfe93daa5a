import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from '../config-error.js'

const sectionId = /^[a-z][a-z0-9-]*$/

/** The order of the notice's sections, defined once for every language in `locales/sections.json`. */
export function loadSectionOrder(localesDir: string): readonly string[] {
  const file = path.join(localesDir, 'sections.json')
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new ConfigError(`section order ${file}: ${(error as Error).message}`)
  }
  const order = (raw as { policy?: unknown } | null)?.policy
  if (!Array.isArray(order) || order.length === 0) {
    throw new ConfigError(`section order ${file}: "policy" must be a list of section ids`)
  }
  const seen = new Set<string>()
  for (const id of order) {
    if (typeof id !== 'string' || !sectionId.test(id)) {
      throw new ConfigError(
        `section order ${file}: "${String(id)}" is not a section id (lower-case letters, digits, hyphens)`,
      )
    }
    if (seen.has(id)) throw new ConfigError(`section order ${file}: "${id}" is listed twice`)
    seen.add(id)
  }
  return Object.freeze(order as string[])
}

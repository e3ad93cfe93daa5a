import type { Report } from './check-policy.js'
import type { JsonDocument } from './json-document.js'

/** The schema each kind of file names on its first line, for editors to check it while typing. */
function schemaFor(key: string): string {
  if (key === 'site') return 'site-config.schema.json'
  if (key === 'sections' || key === 'versions') return `${key}.schema.json`
  const namespace = key.slice(key.indexOf('/') + 1)
  return namespace.startsWith('versions/')
    ? 'policy-version.schema.json'
    : `${namespace}.schema.json`
}

/** A `$schema` line deleted or naming another file's schema: editors stop helping, silently. */
export function checkSchemaLine(document: JsonDocument, key: string, report: Report): void {
  const expected = schemaFor(key)
  const named = (document.value as { $schema?: unknown } | null)?.$schema
  if (typeof named === 'string' && named.replace(/\\/g, '/').endsWith(`schemas/${expected}`)) return
  const message =
    named === undefined
      ? `the "$schema" line is missing: put "$schema": "…/schemas/${expected}" first, so that editors check the file while you type`
      : `"$schema" names ${String(named)}, but this file is checked by schemas/${expected}: name that one`
  report(document, named === undefined ? [] : ['$schema'], 'warning', message)
}

import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Finding } from '../check/findings.js'
import { type JsonDocument, parseJsonDocument } from '../check/json-document.js'
import { displayPath } from '../config/paths.js'

export const disclosuresFile = 'disclosures.json'

/** `locales/disclosures.json`, parsed with places; a warning when there is none yet. */
export function readDisclosures(localesDir: string): JsonDocument | Finding {
  const absolute = path.join(localesDir, disclosuresFile)
  const file = displayPath(absolute)
  if (!existsSync(absolute)) {
    return {
      file,
      line: 1,
      column: 1,
      level: 'warning',
      message: `${disclosuresFile} is missing: no section says which items of GDPR Art. 13 and 14 it tells; create it with "sections": { "section-id": ["item", …] }`,
    }
  }
  return parseJsonDocument({ file, text: readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '') })
}

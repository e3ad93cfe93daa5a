import type { Environment } from '../config/environment.js'
import {
  fieldName,
  isPlaceholderEmail,
  parseSiteConfig,
  type SiteConfig,
} from '../config/site-config.js'
import type { Finding } from './findings.js'
import { isFinding, type JsonDocument } from './json-document.js'

/** Checks the site configuration, every problem at its place; in production an email is required. */
export function checkSiteConfig(
  document: JsonDocument | Finding,
  mode: Environment,
): { findings: Finding[]; config?: SiteConfig } {
  if (isFinding(document)) return { findings: [document] }
  const { file } = document
  const { config, problems } = parseSiteConfig(document.value)
  const findings: Finding[] = problems.map((problem) => ({
    file,
    ...document.at([...problem.path]),
    level: 'error',
    message: `${fieldName(problem.path)} ${problem.message}`,
  }))
  if (!config) return { findings }
  const email = config.contact.email
  const at = { file, ...document.at(['contact', 'email']) }
  if (email === '' && mode === 'production') {
    findings.push({ ...at, level: 'error', message: 'contact.email is required in production' })
  } else if (email === '') {
    findings.push({
      ...at,
      level: 'warning',
      message: 'contact.email is empty: the pages show no email address',
    })
  } else if (isPlaceholderEmail(email)) {
    findings.push({
      ...at,
      level: 'warning',
      message: `contact.email "${email}" is a placeholder: set the company's real address before publishing`,
    })
  }
  return { findings, config }
}

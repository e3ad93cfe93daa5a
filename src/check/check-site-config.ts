import type { Environment } from '../config/environment.js'
import {
  fieldName,
  isPlaceholderEmail,
  isPlaceholderName,
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
  findings.push(...companyFactsMissing(config, document))
  return { findings, config }
}

/** Languages not written in Latin letters: their pages want the address in their own script. */
const ownScriptLanguages = new Set([
  'zh',
  'ja',
  'ko',
  'ru',
  'uk',
  'bg',
  'el',
  'ar',
  'fa',
  'he',
  'hi',
  'th',
])

/** What only the company can fill in, each a warning while it is missing or a placeholder. */
function companyFactsMissing(config: SiteConfig, document: JsonDocument): Finding[] {
  const warning = (path: string[], message: string): Finding => ({
    file: document.file,
    ...document.at(path),
    level: 'warning',
    message,
  })
  const findings: Finding[] = []
  if (!config.controller) {
    findings.push(
      warning(
        [],
        'controller is missing: no page names the company responsible for the personal data (GDPR Art. 13(1)(a)); add "controller": { "name": "…" } with its registered name',
      ),
    )
  } else if (isPlaceholderName(config.controller.name)) {
    findings.push(
      warning(
        ['controller', 'name'],
        `controller.name "${config.controller.name}" is a placeholder: set the company's registered name before publishing; until then no page names it`,
      ),
    )
  }
  for (const lng of config.languages.filter((code) => ownScriptLanguages.has(code))) {
    if (config.contact.addressIn[lng]) continue
    findings.push(
      warning(
        document.has(['contact', 'addressIn']) ? ['contact', 'addressIn'] : ['contact', 'address'],
        `contact.addressIn.${lng} is missing: the ${lng} pages show the address as "address" writes it; add it in that language's own script when the company has it`,
      ),
    )
  }
  if (config.cookieInventoryOfOtherSites === 'not-published') {
    findings.push(
      warning(
        document.has(['cookieInventoryOfOtherSites']) ? ['cookieInventoryOfOtherSites'] : [],
        'cookieInventoryOfOtherSites is "not-published": the cookie page says the list of cookies on the company\'s other websites is not published yet; list them ("site": "other") and set it to "complete"',
      ),
    )
  }
  return findings
}

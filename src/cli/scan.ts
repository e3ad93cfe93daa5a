// npm run scan -- URL [URL…] [--pages N] [--json FILE] [--html FILE] [--propose FILE]
//                  [--accept-invalid-certificates]
// Exit code: 0 everything matches the inventory, 1 it does not, 2 a site could not be scanned.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { CookieEntry } from '../config/cookie-inventory-config.js'
import { siteConfigPathFrom } from '../config/environment.js'
import { parseSiteConfig } from '../config/site-config.js'
import { consentCookieName, consentMaxAgeMs } from '../consent/consent-cookie.js'
import { compareWithInventory } from '../scan/compare-inventory.js'
import { ownBanner } from '../scan/consent-controls.js'
import { htmlReport, reportStylesheet, type SiteReport } from '../scan/html-report.js'
import { defaultChromiumPath, launchChromium } from '../scan/scan-browser.js'
import { scanSite } from '../scan/scan-site.js'

function refuse(message: string): never {
  console.error(`npm run scan: ${message}`)
  process.exit(2)
}

let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>
const options = {
  pages: { type: 'string' },
  json: { type: 'string' },
  html: { type: 'string' },
  propose: { type: 'string' },
  'accept-invalid-certificates': { type: 'boolean' },
} as const
try {
  parsed = parseArgs({ options, allowPositionals: true })
} catch (error) {
  refuse((error as Error).message)
}
const { values, positionals } = parsed
if (positionals.length === 0) refuse('give at least one address, such as http://127.0.0.1:3000/nb/')
const pages = values.pages === undefined ? 1 : Number(values.pages)
if (!Number.isSafeInteger(pages) || pages < 1 || pages > 500)
  refuse(`--pages "${values.pages}" must be a whole number from 1 to 500`)
const urls = positionals.map((text) => {
  try {
    const url = new URL(text)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error()
    return url.href
  } catch {
    return refuse(`"${text}" is not an http:// or https:// address`)
  }
})

const configPath = siteConfigPathFrom(process.env)
const { config, problems } = parseSiteConfig(JSON.parse(readFileSync(configPath, 'utf8')))
if (!config) refuse(`${configPath} has ${problems.length} problems: run npm run check`)
const consentCookie: CookieEntry = {
  name: consentCookieName,
  provider: 'this site',
  purpose: {},
  category: 'necessary',
  duration: `P${Math.round(consentMaxAgeMs / 86_400_000)}D`,
  site: 'this',
  scripts: [],
}

// A staging site's own certificate is no reason not to see what it stores.
const profile = { ignoreHTTPSErrors: values['accept-invalid-certificates'] === true }
const origins = [...new Set(urls.map((url) => new URL(url).origin))]
const browser = await launchChromium(process.env.CHROMIUM_PATH ?? defaultChromiumPath)
const reports: SiteReport[] = []
try {
  for (const origin of origins) {
    const other = config.otherSites.find((site) => site.origin === origin)
    const own = config.cookieInventory.filter((entry) => entry.site === 'this')
    // As the cookie page: the consent cookie exists only when there is something to choose.
    const choosing = own.some((entry) => entry.category !== 'necessary')
    const declared = other
      ? config.cookieInventory.filter((entry) => entry.site === 'other')
      : [...(choosing ? [consentCookie] : []), ...own]
    const controls = other
      ? { accept: other.accept, reject: other.reject, required: true }
      : { ...ownBanner, required: choosing }
    const site = await scanSite(
      browser,
      urls.filter((url) => new URL(url).origin === origin),
      { pages, controls, profile },
    )
    reports.push({ site, findings: site.failure ? [] : compareWithInventory(site, declared) })
  }
} finally {
  await browser.close()
}

for (const { site, findings } of reports) {
  console.log(`${site.origin}: ${site.pages.length} pages`)
  if (site.failure) console.log(`  could not be scanned: ${site.failure}`)
  for (const state of site.states) {
    console.log(
      `  ${state.state.padEnd(9)} ${state.cookies.length} cookies, ${state.storage.length} storage keys, ${state.thirdPartyRequests.length} third-party requests`,
    )
  }
  if (findings.length > 0) console.table(findings)
  else if (!site.failure) console.log('  everything matches the inventory')
}
if (values.json) writeFileSync(values.json, `${JSON.stringify(reports, null, 2)}\n`)
if (values.html) {
  const stylesheet = `${path.basename(values.html, '.html')}.css`
  writeFileSync(values.html, htmlReport(reports, stylesheet))
  writeFileSync(path.join(path.dirname(values.html), stylesheet), reportStylesheet)
}
if (values.propose) {
  const names = new Set(
    reports.flatMap((r) => r.findings.filter((f) => f.kind === 'undeclared').map((f) => f.subject)),
  )
  const drafts = [...names].map((subject) => ({
    name: subject.replace(/^\S+ /, ''),
    provider: '',
    purpose: Object.fromEntries(config.languages.map((lng) => [lng, ''])),
    category: '',
    duration: '',
    site: '',
  }))
  writeFileSync(values.propose, `${JSON.stringify(drafts, null, 2)}\n`)
}
process.exitCode = reports.some((r) => r.site.failure)
  ? 2
  : reports.some((r) => r.findings.length > 0)
    ? 1
    : 0

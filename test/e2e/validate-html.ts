// npm run validate:html: every page the site serves, in every consent variant, with its error
// pages and the request pages, through the W3C Nu HTML Checker (vnu.jar, Java from Debian).
// Zero errors or exit 1.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buildSite } from '../../src/build/build-site.js'
import { defaultSources } from '../../src/build/site-sources.js'
import { loadConfig } from '../../src/config/environment.js'
import { errorKinds } from '../../src/config/error-kinds.js'
import { fixtureLocalesDir, fixtureSiteConfig } from '../helpers/fixture-content.js'
import { fixture } from '../helpers/test-site.js'
import { beforeVersion2027, versionedLocales } from '../helpers/versions.js'
import { requestPagesHtml } from './request-pages-html.js'

/** The jar's path, which the vnu-jar package exports. */
const vnuJar = createRequire(import.meta.url)('vnu-jar') as string

const dir = mkdtempSync(path.join(tmpdir(), 'validate-html-'))
let files = 0
const localesWithVersions = versionedLocales()
for (const [variant, siteConfig, sources] of [
  ['shipped', undefined, defaultSources],
  [
    'choices',
    fixture('site-optional-cookies.json'),
    { ...defaultSources, localesDir: fixtureLocalesDir },
  ],
  // A second version announced: version pages, comparisons in every language, the announcement.
  ['versions', fixtureSiteConfig, { ...defaultSources, localesDir: localesWithVersions }],
] as const) {
  const { config } = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: 'https://personvern.example.no',
    ...(siteConfig ? { SITE_CONFIG: siteConfig } : {}),
  })
  const site = await buildSite(config, sources, beforeVersion2027)
  for (const urlPath of site.responses.paths) {
    const entry = site.responses.get(urlPath)
    for (const [key, response] of entry?.variants.size
      ? entry.variants
      : new Map([['only', entry?.response]])) {
      const body = response?.representations.identity.body
      if (!body?.subarray(0, 15).toString().startsWith('<!doctype html')) continue
      writeFileSync(
        path.join(dir, `${variant}${urlPath.replaceAll('/', '_')}.${key.replace(/\W/g, '-')}.html`),
        body,
      )
      files++
    }
  }
  for (const lng of site.responses.languages) {
    for (const kind of errorKinds) {
      writeFileSync(
        path.join(dir, `${variant}-error-${kind}-${lng}.html`),
        site.responses.error(kind, lng).representations.identity.body,
      )
      files++
    }
  }
}

rmSync(localesWithVersions, { recursive: true, force: true })

// The request pages answered per request (errors, receipt, confirmation, status), from the
// running site with a request sent and confirmed: on the shipped content and on the test content.
for (const [variant, shipped] of [
  ['shipped', true],
  ['requests', false],
] as const) {
  for (const page of await requestPagesHtml({}, { shipped })) {
    writeFileSync(path.join(dir, `${variant}-${page.name}.html`), page.html)
    files++
  }
}

const java = spawnSync('java', ['-version'])
if (java.error) {
  console.error('Java is missing: apt-get update && apt-get install -y default-jre-headless')
  process.exit(1)
}
const result = spawnSync(
  'java',
  ['-jar', String(vnuJar), '--stdout', '--format', 'json', '--errors-only', '--skip-non-html', dir],
  {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  },
)
const messages = (JSON.parse(result.stdout || '{"messages":[]}').messages ?? []) as {
  type: string
  url: string
  lastLine?: number
  message: string
}[]
for (const message of messages) {
  console.log(
    `${path.basename(message.url)}:${message.lastLine ?? 0}  ${message.type}  ${message.message}`,
  )
}
console.log(`${messages.length} errors in ${files} HTML files checked with the Nu HTML Checker`)
process.exit(messages.length > 0 || result.status !== 0 ? 1 : 0)

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseSiteConfig, type SiteConfig } from '../../src/config/site-config.js'
import { fixtureSiteConfig } from './fixture-content.js'

/** A site configuration file as the site reads it; the test content's by default. */
export function readSiteConfig(file: string = fixtureSiteConfig): SiteConfig {
  const { config, problems } = parseSiteConfig(JSON.parse(readFileSync(file, 'utf8')))
  if (!config) throw new Error(`${file}: ${JSON.stringify(problems)}`)
  return config
}

// Site configuration JSON as a test edits it.
// biome-ignore lint/suspicious/noExplicitAny: tests reach into arbitrary configuration JSON
type Json = any

/** A changed copy of a site configuration file (the test content's by default), in a temporary folder. */
export function siteConfigWith(
  change: (json: Json) => void,
  from: string = fixtureSiteConfig,
): string {
  const json = JSON.parse(readFileSync(from, 'utf8'))
  change(json)
  const dir = mkdtempSync(path.join(tmpdir(), 'site-config-'))
  const file = path.join(dir, 'site.json')
  writeFileSync(file, JSON.stringify(json, null, 2))
  return file
}

import { readFileSync } from 'node:fs'
import { parseSiteConfig, type SiteConfig } from '../../src/config/site-config.js'
import { fixtureSiteConfig } from './fixture-content.js'

/** A site configuration file as the site reads it; the test content's by default. */
export function readSiteConfig(file: string = fixtureSiteConfig): SiteConfig {
  const { config, problems } = parseSiteConfig(JSON.parse(readFileSync(file, 'utf8')))
  if (!config) throw new Error(`${file}: ${JSON.stringify(problems)}`)
  return config
}

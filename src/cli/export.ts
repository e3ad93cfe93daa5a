// npm run export -- --out DIR [--locales DIR]: the whole site as static files, for any static host or CDN.
import { existsSync, readdirSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { buildSite } from '../build/build-site.js'
import { defaultSources } from '../build/site-sources.js'
import { formatFinding } from '../check/findings.js'
import { ConfigError } from '../config/config-error.js'
import { loadConfig } from '../config/environment.js'
import { packageRoot } from '../config/paths.js'
import { exportSite } from './static-export.js'

/** Left in every export, so that a later export may replace the folder and nothing else. */
const marker = '.site-export'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string', default: 'dist' }, locales: { type: 'string' } },
  })
  const outDir = path.resolve(packageRoot, values.out)
  if (
    existsSync(outDir) &&
    readdirSync(outDir).length > 0 &&
    !existsSync(path.join(outDir, marker))
  ) {
    throw new ConfigError(
      `--out ${outDir} is a folder with other files in it: name a new or empty folder`,
    )
  }
  const { config } = loadConfig(process.env)
  const localesDir = values.locales ? path.resolve(packageRoot, values.locales) : undefined
  const site = await buildSite(config, { ...defaultSources, ...(localesDir ? { localesDir } : {}) })
  for (const warning of site.warnings) console.warn(formatFinding(warning))
  await rm(outDir, { recursive: true, force: true })
  const files = await exportSite(site, outDir)
  await writeFile(path.join(outDir, marker), `${new Date().toISOString()}\n`)
  console.log(`Exported ${files.length} files to ${outDir} for ${config.baseUrl}`)
}

main().catch((error: unknown) => {
  console.error(`Cannot export: ${error instanceof ConfigError ? error.message : String(error)}`)
  process.exit(1)
})

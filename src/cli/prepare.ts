// The last step of npm run build (and of npm start): renders and compresses every response
// once and keeps the compressed bodies in build/compressed, so that the server, started with the
// same content and configuration, finds them there and is ready sooner. A build refuses content
// with errors (exit 1, before anything is written: a deploy never ships it); before npm start
// (--for-start) the problems are left for the server, which serves the last good content.
import { rmSync } from 'node:fs'
import { buildSite } from '../build/build-site.js'
import { defaultSources } from '../build/site-sources.js'
import { checkContent } from '../check/check-content.js'
import { formatFinding } from '../check/findings.js'
import { ConfigError } from '../config/config-error.js'
import { type Config, loadConfig } from '../config/environment.js'
import { compressedDir, localesDir } from '../config/paths.js'
import { diskCompressionCache } from '../prepare/compression-cache.js'

const forStart = process.argv.includes('--for-start')

/**
 * The configuration, or why a build may not go ahead: content with errors, named as npm run
 * check names them, or an environment variable that is wrong.
 */
function configOrRefusal(): { config: Config; refused?: undefined } | { refused: string } {
  try {
    const { config } = loadConfig(process.env)
    const { errors } = checkContent({
      localesDir,
      siteConfigPath: config.siteConfigPath,
      env: process.env,
    })
    return errors.length === 0 ? { config } : { refused: errors.map(formatFinding).join('\n') }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return { refused: error.message }
  }
}

async function main(): Promise<void> {
  const checked = configOrRefusal()
  if (checked.refused !== undefined && !forStart) {
    console.error(`npm run build refuses content with errors; fix them first:\n${checked.refused}`)
    process.exitCode = 1
    return
  }
  rmSync(compressedDir, { recursive: true, force: true })
  if (checked.refused !== undefined) {
    console.log(`responses not prepared (the server will report the errors when it starts)`)
    return
  }
  const { config } = checked
  const compressionCache = diskCompressionCache(compressedDir, { write: true })
  try {
    const site = await buildSite(config, { ...defaultSources, compressionCache })
    await compressionCache.settle()
    console.log(`prepared ${site.responses.paths.length} responses in ${compressedDir}`)
  } catch (error) {
    // What the checker does not read, such as a template, can still fail the build.
    if (!(error instanceof ConfigError)) throw error
    if (forStart) {
      console.log(
        `responses not prepared (the server will report it when it starts): ${error.message}`,
      )
    } else {
      console.error(`npm run build could not build the site: ${error.message}`)
      process.exitCode = 1
    }
  }
}

await main()

// The last step of npm run build (and of npm start): renders and compresses every response
// once and keeps the compressed bodies in build/compressed, so that the server, started with the
// same content and configuration, finds them there and is ready sooner. A build refuses content
// with errors (exit 1, before anything is written: a deploy never ships it); before npm start
// (--for-start) the problems are left for the server, which serves the last good content.
import { rmSync } from 'node:fs'
import { buildSite, defaultSources } from '../build/build-site.js'
import { checkContent } from '../check/check-content.js'
import { formatFinding } from '../check/findings.js'
import { ConfigError } from '../config/config-error.js'
import { loadConfig } from '../config/environment.js'
import { compressedDir, localesDir } from '../config/paths.js'
import { diskCompressionCache } from '../prepare/compression-cache.js'

const forStart = process.argv.includes('--for-start')

/** Content with errors, named as npm run check names them; none when a build may go ahead. */
function refusal(): string | undefined {
  try {
    const { config } = loadConfig(process.env)
    const { errors } = checkContent({
      localesDir,
      siteConfigPath: config.siteConfigPath,
      env: process.env,
    })
    return errors.length === 0 ? undefined : errors.map(formatFinding).join('\n')
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return error.message
  }
}

async function main(): Promise<void> {
  const refused = refusal()
  if (refused && !forStart) {
    console.error(`npm run build refuses content with errors; fix them first:\n${refused}`)
    process.exitCode = 1
    return
  }
  rmSync(compressedDir, { recursive: true, force: true })
  if (refused) {
    console.log(`responses not prepared (the server will report the errors when it starts)`)
    return
  }
  const { config } = loadConfig(process.env)
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

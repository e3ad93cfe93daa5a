// The last step of npm run build (and so of npm start): renders and compresses every response
// once and keeps the compressed bodies in build/compressed, so that the server, started with the
// same content and configuration, finds them there and is ready sooner. Problems with the
// content or configuration are left for the server to report when it starts.
import { rmSync } from 'node:fs'
import { buildSite, defaultSources } from '../build/build-site.js'
import { ConfigError } from '../config/config-error.js'
import { loadConfig } from '../config/environment.js'
import { compressedDir } from '../config/paths.js'
import { diskCompressionCache } from '../prepare/compression-cache.js'

async function main(): Promise<void> {
  rmSync(compressedDir, { recursive: true, force: true })
  try {
    const { config } = loadConfig(process.env)
    const compressionCache = diskCompressionCache(compressedDir, { write: true })
    const site = await buildSite(config, { ...defaultSources, compressionCache })
    await compressionCache.settle()
    console.log(`prepared ${site.responses.paths.length} responses in ${compressedDir}`)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.log(
      `responses not prepared (the server will compress them when it starts): ${error.message}`,
    )
  }
}

await main()

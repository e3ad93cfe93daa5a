// npm run preview [-- --port 3001] [--effective 2027-01-01] [--locales DIR]: the site on this
// computer with the notice being written shown as the coming version, and the checker's findings.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { defaultSources } from '../build/site-sources.js'
import { ConfigError } from '../config/config-error.js'
import { loadConfig } from '../config/environment.js'
import { packageRoot } from '../config/paths.js'
import { createLogger } from '../log/logger.js'
import { panelPath, startPreview } from '../preview/preview-server.js'
import { dateOptionProblem } from './date-option.js'

function options() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '3001' },
        effective: { type: 'string' },
        locales: { type: 'string' },
      },
    }).values
  } catch (error) {
    throw new ConfigError(
      `${(error as Error).message}: write npm run preview -- --port 3001 [--effective 2027-01-01], with the --`,
    )
  }
}

async function main(): Promise<void> {
  const values = options()
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ConfigError(`--port ${values.port} must be a whole number from 1 to 65535`)
  }
  const dateProblem = values.effective && dateOptionProblem('effective', values.effective)
  if (dateProblem) throw new ConfigError(dateProblem)
  const { config } = loadConfig(process.env)
  const localesDir = values.locales ? path.resolve(packageRoot, values.locales) : undefined
  const preview = await startPreview({
    config,
    sources: { ...defaultSources, ...(localesDir ? { localesDir } : {}) },
    logger: createLogger(),
    port,
    ...(values.effective ? { effective: values.effective } : {}),
  })
  console.log(`Preview: ${preview.url}${panelPath} (this computer only; Ctrl+C stops it)`)
  const stop = () => void preview.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Cannot start the preview: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exit(1)
})

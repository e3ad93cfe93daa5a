// npm run publish -- --effective 2027-01-01: the text in locales/{lng}/draft.json becomes a
// published version, announced on every page until it takes effect on that date.

import path from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { summaryProblem } from '../check/check-versions.js'
import { formatFinding } from '../check/findings.js'
import { ConfigError } from '../config/config-error.js'
import { siteConfigPathFrom } from '../config/environment.js'
import { localesDir as defaultLocalesDir, displayPath, packageRoot } from '../config/paths.js'
import { planPublish, writeVersion } from './publish-version.js'

/** Asks one question per line of input, so that answers can also be piped in. */
function questioner(): { ask: (question: string) => Promise<string>; close: () => void } {
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]()
  return {
    ask: async (question) => {
      process.stdout.write(question)
      const next = await lines.next()
      if (next.done) throw new ConfigError('no answer: the input ended')
      return String(next.value)
    },
    close: () => void lines.return?.(),
  }
}

function parseOptions() {
  try {
    return parseArgs({
      options: {
        effective: { type: 'string' },
        updated: { type: 'string' },
        locales: { type: 'string' },
        'allow-untranslated': { type: 'boolean', default: false },
      },
    })
  } catch (error) {
    // npm keeps options before `--` for itself: the usual slip.
    throw new ConfigError(
      `${(error as Error).message}: write npm run publish -- --effective 2027-01-01 [--updated 2026-11-20], with the --`,
    )
  }
}

async function main(): Promise<void> {
  const { values } = parseOptions()
  if (!values.effective) {
    throw new ConfigError(
      'name the date the new version takes effect: npm run publish -- --effective 2027-01-01',
    )
  }
  const localesDir = values.locales ? path.resolve(packageRoot, values.locales) : defaultLocalesDir
  const sources = { localesDir, siteConfigPath: siteConfigPathFrom(process.env), env: process.env }
  const { plan, problems } = planPublish({
    ...sources,
    effective: values.effective,
    allowUntranslated: values['allow-untranslated'] === true,
    ...(values.updated ? { updated: values.updated } : {}),
    now: new Date(),
  })
  if (!plan) throw new ConfigError(problems.join('\n'))
  for (const warning of plan.warnings) console.log(`note: ${formatFinding(warning)}`)
  console.log(
    `Publishing the notice as version ${plan.id} (written ${plan.updated}), taking effect ${plan.effective}.`,
  )
  console.log('Write a sentence or two on what changed, for the list of versions and the feed.')
  const { ask, close } = questioner()
  const summaries: Record<string, string> = {}
  try {
    for (const lng of plan.languages) {
      let answer = await ask(`What changed, in ${lng}: `)
      for (let problem = summaryProblem(answer); problem; problem = summaryProblem(answer)) {
        answer = await ask(`  (${problem}) What changed, in ${lng}: `)
      }
      summaries[lng] = answer
    }
  } finally {
    close()
  }
  const files = writeVersion(sources, plan, summaries)
  for (const file of files) console.log(`wrote ${displayPath(file)}`)
  console.log(
    plan.noticeDays > 0
      ? `Every page announces the new version until it takes effect in ${plan.noticeDays} days; the server switches to it on ${plan.effective} without a restart.`
      : 'The new version is in force from today.',
  )
}

main().catch((error: unknown) => {
  console.error(`Cannot publish: ${error instanceof ConfigError ? error.message : String(error)}`)
  process.exit(1)
})

// npm run check [-- --locales DIR]: every locale and data file, checked the way the server checks them.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { checkContent } from '../check/check-content.js'
import { formatFinding, summarize } from '../check/findings.js'
import { siteConfigPathFrom } from '../config/environment.js'
import { localesDir, packageRoot } from '../config/paths.js'

const { values } = parseArgs({ options: { locales: { type: 'string' } } })
const siteConfigPath = siteConfigPathFrom(process.env)
const result = checkContent({
  localesDir: values.locales ? path.resolve(packageRoot, values.locales) : localesDir,
  siteConfigPath,
  env: process.env,
})
for (const finding of result.findings) console.log(formatFinding(finding))
console.log(summarize(result.findings, result.filesChecked))
if (result.draftErrors.length > 0) {
  console.log(
    `${result.draftErrors.length} of the errors are in the notice being written (draft.json, sections.json): the live pages are not affected, but npm run publish refuses until they are fixed`,
  )
}
// Only errors in what visitors see stop a deploy: a draft in progress never holds one back.
process.exitCode = result.errors.length > 0 ? 1 : 0

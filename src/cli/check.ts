// npm run check [-- --locales DIR]: every locale and data file, checked the way the server checks them.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { checkContent } from '../check/check-content.js'
import { formatFinding, summarize } from '../check/findings.js'
import { siteConfigPathFrom } from '../config/environment.js'
import { localesDir, packageRoot } from '../config/paths.js'
import { disclosureCoverage } from '../disclosures/coverage.js'
import { coverageTable } from '../disclosures/coverage-table.js'
import { readDisclosures } from '../disclosures/read-disclosures.js'

const { values } = parseArgs({ options: { locales: { type: 'string' } } })
const siteConfigPath = siteConfigPathFrom(process.env)
const checkedDir = values.locales ? path.resolve(packageRoot, values.locales) : localesDir
const now = new Date()
const result = checkContent({ localesDir: checkedDir, siteConfigPath, env: process.env, now })
// What the notice tells of GDPR Art. 13 and 14: a table, and a warning for each item missing.
const coverage = disclosureCoverage({
  declarations: readDisclosures(checkedDir),
  documents: result.documents,
  site: result.site,
  languages: result.site?.languages ?? [],
  now,
})
const findings = [...result.findings, ...coverage.findings]
for (const finding of findings) console.log(formatFinding(finding))
if ('rows' in coverage) console.log(`\n${coverageTable(coverage)}\n`)
console.log(summarize(findings, result.filesChecked + 1))
if (result.draftErrors.length > 0) {
  console.log(
    `${result.draftErrors.length} of the errors are in the notice being written (draft.json, sections.json): the live pages are not affected, but npm run publish refuses until they are fixed`,
  )
}
// Only errors in what visitors see stop a deploy: a draft in progress never holds one back.
const coverageErrors = coverage.findings.filter((finding) => finding.level === 'error')
process.exitCode = result.errors.length > 0 || coverageErrors.length > 0 ? 1 : 0

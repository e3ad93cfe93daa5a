// npm run report [-- --out FILE]: what the notice in force tells of GDPR Art. 13 and 14, as a
// page for the legal team (build/disclosures-report.html unless told otherwise).
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { checkContent } from '../check/check-content.js'
import { formatFinding } from '../check/findings.js'
import { siteConfigPathFrom } from '../config/environment.js'
import { displayPath, localesDir, packageRoot } from '../config/paths.js'
import { disclosureCoverage } from '../disclosures/coverage.js'
import { coverageReport } from '../disclosures/coverage-report.js'
import { readDisclosures } from '../disclosures/read-disclosures.js'

const { values } = parseArgs({ options: { out: { type: 'string' }, locales: { type: 'string' } } })
const checkedDir = values.locales ? path.resolve(packageRoot, values.locales) : localesDir
const out = path.resolve(packageRoot, values.out ?? path.join('build', 'disclosures-report.html'))
const now = new Date()
const result = checkContent({
  localesDir: checkedDir,
  siteConfigPath: siteConfigPathFrom(process.env),
  env: process.env,
  now,
})
const declarations = readDisclosures(checkedDir)
const coverage = disclosureCoverage({
  declarations,
  documents: result.documents,
  site: result.site,
  languages: result.site?.languages ?? [],
  now,
})
const errors = [
  ...result.errors,
  ...coverage.findings.filter((finding) => finding.level === 'error'),
]
if (errors.length > 0 || !('rows' in coverage)) {
  for (const finding of errors) console.error(formatFinding(finding))
  console.error('Cannot write the report: fix the errors above (npm run check lists them all)')
  process.exit(1)
}
mkdirSync(path.dirname(out), { recursive: true })
writeFileSync(
  out,
  coverageReport(coverage, { generatedAt: now, declarationsFile: declarations.file }),
)
const missing = coverage.rows.filter((row) =>
  coverage.languages.some((lng) => (row.answeredBy.get(lng) ?? []).length === 0),
).length
console.log(
  `wrote ${displayPath(out)}: ${missing} of ${coverage.rows.length} items of GDPR Art. 13 and 14 not told in the notice in force (${coverage.version})`,
)

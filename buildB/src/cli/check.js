// npm run check: every locale and data file, checked the way the server checks them.
import { checkContent } from '../check/check-content.js';
import { formatFinding, summarize } from '../check/findings.js';
import { siteConfigPathFrom } from '../config.js';
import { localesDir } from '../paths.js';
const siteConfigPath = siteConfigPathFrom(process.env);
const result = checkContent({ localesDir, siteConfigPath, env: process.env });
for (const finding of result.findings)
    console.log(formatFinding(finding));
console.log(summarize(result.findings, result.filesChecked));
process.exitCode = result.errors.length > 0 ? 1 : 0;
//# sourceMappingURL=check.js.map
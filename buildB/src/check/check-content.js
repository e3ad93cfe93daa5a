import { readdirSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../paths.js';
import { checkLocales } from './check-locales.js';
import { checkSiteConfig } from './check-site-config.js';
import { sortFindings } from './findings.js';
/** Paths as staff see them: relative to the project when inside it. */
export function displayPath(absolute) {
    const relative = path.relative(packageRoot, absolute);
    return relative.startsWith('..') ? absolute : relative.split(path.sep).join('/');
}
/** Everything staff edit, checked: the site configuration, then every locale file. */
export function checkContent(sources) {
    const site = checkSiteConfig(sources.siteConfigPath, displayPath(sources.siteConfigPath), sources.env);
    // With a broken configuration, check the languages that have folders.
    const languages = site.config?.languages ??
        readdirSync(sources.localesDir, { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((entry) => entry.name)
            .sort((a, b) => (a === 'nb' ? -1 : b === 'nb' ? 1 : a.localeCompare(b)));
    const locales = checkLocales(sources.localesDir, languages, displayPath);
    const findings = sortFindings([...site.findings, ...locales.findings]);
    return {
        findings,
        errors: findings.filter((finding) => finding.level === 'error'),
        filesChecked: locales.files + 1,
    };
}
//# sourceMappingURL=check-content.js.map
import { publicDir, viewsDir } from '../config/paths.js'
import { readSources } from '../read/read-sources.js'
import { checkEnvironment } from './check-environment.js'
import { type CheckedSources, checkSources } from './check-sources.js'
import { sortFindings } from './findings.js'

/** What staff check: the locale files and site configuration, and the environment variables. */
export interface CheckRequest {
  readonly localesDir: string
  readonly siteConfigPath: string
  readonly env: NodeJS.ProcessEnv
  /** For whether a version is in force yet; now when not given. */
  readonly now?: Date
}

/**
 * `npm run check` and `npm run publish`: the same read and check stages a build runs, plus the
 * environment the server would start with.
 */
export function checkContent(request: CheckRequest): CheckedSources {
  const environment = checkEnvironment(request.env)
  const read = readSources({
    localesDir: request.localesDir,
    siteConfigPath: request.siteConfigPath,
    publicDir,
    viewsDir,
  })
  const checked = checkSources(read, { mode: environment.mode, now: request.now ?? new Date() })
  // The environment's findings first, then the content's in the order the check stage gave.
  const findings = [...sortFindings(environment.findings), ...checked.findings]
  return {
    ...checked,
    findings,
    errors: [
      ...environment.findings.filter((finding) => finding.level === 'error'),
      ...checked.errors,
    ],
  }
}

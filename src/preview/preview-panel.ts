import { type Finding, formatFinding, summarize } from '../check/findings.js'
import { escapeHtml } from '../content/html.js'
import type { Readiness } from '../reload/site-in-force.js'

/** What the panel of the preview shows: the version previewed, and the checker's findings. */
export interface PanelState {
  readonly languages: readonly string[]
  /** The version the draft is shown as, when the draft could be built as one. */
  readonly comingVersion?: string
  /** The version in force, for the comparison. */
  readonly inForce: string
  readonly findings: readonly Finding[]
  readonly filesChecked: number
  /** Why the draft, published as it is, could not be shown: the preview shows the live content. */
  readonly rejected: readonly string[]
  readonly lastReload: Readiness['lastReload']
}

const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`

function languageLinks(state: PanelState, lng: string): string {
  const links = [link(`/${lng}/`, `${lng}: the notice page, with the announcement`)]
  if (state.comingVersion) {
    links.push(
      link(`/${lng}/versions/${state.comingVersion}`, `the notice as it will read`),
      link(
        `/${lng}/versions/${state.inForce}/compare/${state.comingVersion}`,
        `word by word against version ${state.inForce}`,
      ),
    )
  }
  return `<li>${links.join(' · ')}</li>`
}

/** The preview's own page: links to every language's coming notice, and every finding. */
export function previewPanel(state: PanelState): string {
  const heading = state.comingVersion
    ? `Preview: the draft as version ${state.comingVersion}`
    : 'Preview: the draft cannot be shown yet'
  const rejected =
    state.rejected.length === 0
      ? ''
      : `<section aria-labelledby="rejected"><h2 id="rejected">Why the draft is not shown</h2>
<p>Published as it is, the draft would have these errors. Until they are fixed, the pages show the draft as it was when it last had none, or the live content if it never had.</p>
<ul>${state.rejected.map((line) => `<li><code>${escapeHtml(line)}</code></li>`).join('')}</ul></section>`
  const findings =
    state.findings.length === 0
      ? '<p>The checker finds nothing to report.</p>'
      : `<ol>${state.findings.map((finding) => `<li class="${finding.level}"><code>${escapeHtml(formatFinding(finding))}</code></li>`).join('')}</ol>`
  const reload = state.lastReload
    ? `<p>Last rebuilt ${escapeHtml(state.lastReload.at)} (${escapeHtml(state.lastReload.reason)}): ${state.lastReload.applied ? 'applied' : 'not applied'}.</p>`
    : ''
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(heading)}</title></head>
<body><main>
<h1>${escapeHtml(heading)}</h1>
<p>This preview runs on this computer only. Save a file and reload this page: the preview follows every save. Nothing here is published until <code>npm run publish</code>.</p>
${reload}
<section aria-labelledby="pages"><h2 id="pages">Pages</h2>
<ul>${state.languages.map((lng) => languageLinks(state, lng)).join('')}</ul></section>
${rejected}
<section aria-labelledby="findings"><h2 id="findings">The checker's findings</h2>
<p>${escapeHtml(summarize(state.findings, state.filesChecked))}. Each line is file:line:column, then what to do.</p>
${findings}</section>
</main></body></html>
`
}

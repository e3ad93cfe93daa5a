import type { ScanFinding } from './compare-inventory.js'
import type { SiteRecord, StateRecord } from './observation.js'

export interface SiteReport {
  readonly site: SiteRecord
  readonly findings: readonly ScanFinding[]
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

function stateColumn(record: StateRecord): string {
  const items = [
    ...record.cookies.map(
      (c) =>
        `cookie ${c.name} (${c.party}-party, ${c.lifetimeSeconds === undefined ? 'session' : `${Math.round(c.lifetimeSeconds / 86400)} d`}${c.secure ? ', Secure' : ''}${c.httpOnly ? ', HttpOnly' : ''}, SameSite ${c.sameSite}; set by ${c.setBy})`,
    ),
    ...record.storage.map((s) => `${s.kind} ${s.key}`),
    ...record.thirdPartyRequests.map((r) => `request ${r.url}`),
  ]
  const list = items.length
    ? `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`
    : '<p>nothing stored, no third-party request</p>'
  return `<td>${list}</td>`
}

/** The report as one page without script; its stylesheet is the file `stylesheet` next to it. */
export function htmlReport(reports: readonly SiteReport[], stylesheet: string): string {
  const sites = reports.map(({ site, findings }) => {
    const failure = site.failure
      ? `<p class="failure">Could not be scanned: ${escapeHtml(site.failure)}</p>`
      : ''
    const rows = findings
      .map(
        (f) =>
          `<tr><td>${escapeHtml(f.kind)}</td><td>${escapeHtml(f.subject)}</td><td>${escapeHtml(f.detail)}</td></tr>`,
      )
      .join('')
    const findingTable = findings.length
      ? `<table><thead><tr><th>finding</th><th>what</th><th>detail</th></tr></thead><tbody>${rows}</tbody></table>`
      : '<p class="clean">Everything matches the inventory.</p>'
    const states = site.states.length
      ? `<h3>Side by side</h3><table class="states"><thead><tr>${site.states.map((s) => `<th>${escapeHtml(s.state)}</th>`).join('')}</tr></thead><tbody><tr>${site.states.map(stateColumn).join('')}</tr></tbody></table>`
      : ''
    return `<section><h2>${escapeHtml(site.origin)}</h2>${failure}<p>${site.pages.length} pages</p>${findingTable}${states}</section>`
  })
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cookie scan</title>
<link rel="stylesheet" href="${escapeHtml(stylesheet)}"></head>
<body><h1>Cookie scan</h1>${sites.join('\n')}</body></html>
`
}

export const reportStylesheet = `body { font-family: system-ui, sans-serif; margin: 2rem; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
th, td { border: 1px solid #888; padding: 0.3rem; text-align: left; vertical-align: top; }
.states td { width: 33%; }
.failure { color: #a00; font-weight: bold; }
.clean { color: #060; }
`

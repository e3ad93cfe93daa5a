import { escapeHtml } from '../content/html.js'
import type { DisclosureCoverage } from './coverage.js'

const style = `
body { font: 11pt/1.45 system-ui, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
td.no { font-weight: bold; }
.meta { color: #444; }
@media print { body { margin: 0; max-width: none; } thead { display: table-header-group; } tr { break-inside: avoid; } }
`

/**
 * `npm run report`: the coverage as a page for the legal team, on its own (no script, nothing
 * fetched), printable.
 */
export function coverageReport(
  coverage: DisclosureCoverage,
  context: { readonly generatedAt: Date; readonly declarationsFile: string },
): string {
  const { languages, rows, version } = coverage
  const missing = rows.filter((row) =>
    languages.some((lng) => (row.answeredBy.get(lng) ?? []).length === 0),
  )
  const cell = (told: readonly string[]) =>
    told.length > 0
      ? `<td>yes: ${escapeHtml(told.join(', '))}</td>`
      : '<td class="no">not told</td>'
  const body = rows
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(row.item.title)}<br><small>${escapeHtml(row.item.asks)}</small></th><td>${escapeHtml(row.item.article)}</td>${languages.map((lng) => cell(row.answeredBy.get(lng) ?? [])).join('')}</tr>`,
    )
    .join('\n')
  const gaps = missing
    .map(
      (row) =>
        `<li><strong>${escapeHtml(row.item.title)}</strong> (Art. ${escapeHtml(row.item.article)}): ${escapeHtml(row.item.asks)}. Not told in ${escapeHtml(languages.filter((lng) => (row.answeredBy.get(lng) ?? []).length === 0).join(', '))}.</li>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Privacy notice ${escapeHtml(version)}: GDPR Articles 13 and 14</title>
<style>${style}</style>
</head>
<body>
<h1>What the privacy notice tells: GDPR Articles 13 and 14</h1>
<p class="meta">The notice in force: version ${escapeHtml(version)}. Made ${escapeHtml(context.generatedAt.toISOString().slice(0, 10))} by <code>npm run report</code>, from what each section declares in <code>${escapeHtml(context.declarationsFile)}</code> and from the site's configuration. A section's text is never changed by this report.</p>
<h2>Not told (${missing.length} of ${rows.length})</h2>
${missing.length > 0 ? `<ul>\n${gaps}\n</ul>` : '<p>Every item is told in every language.</p>'}
<h2>Every item</h2>
<table>
<thead><tr><th scope="col">Item</th><th scope="col">Article</th>${languages.map((lng) => `<th scope="col" lang="en">${escapeHtml(lng)}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`
}

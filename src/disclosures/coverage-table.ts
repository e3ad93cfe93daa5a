import type { DisclosureCoverage } from './coverage.js'

/** The coverage as `npm run check` prints it: an item a line, a column per language. */
export function coverageTable(coverage: DisclosureCoverage): string {
  const { languages, rows } = coverage
  const titleWidth = Math.max(...rows.map((row) => row.item.title.length))
  const articleWidth = Math.max(...rows.map((row) => row.item.article.length), 'article'.length)
  const line = (title: string, article: string, cells: string[], where: string) =>
    `  ${title.padEnd(titleWidth)}  ${article.padEnd(articleWidth)}  ${cells.map((cell) => cell.padEnd(4)).join('')}${where}`.trimEnd()
  const toldBy = (row: DisclosureCoverage['rows'][number]) => [
    ...new Set(languages.flatMap((lng) => row.answeredBy.get(lng) ?? [])),
  ]
  return [
    `GDPR Art. 13 and 14: what the notice in force (${coverage.version}) tells, in each language`,
    line('item', 'article', [...languages], 'told by'),
    ...rows.map((row) =>
      line(
        row.item.title,
        row.item.article,
        languages.map((lng) => ((row.answeredBy.get(lng) ?? []).length > 0 ? 'yes' : '–')),
        toldBy(row).join(', ') || 'nothing',
      ),
    ),
  ].join('\n')
}

import type { Html } from './html.js'
import { type PageLinkResolver, renderInline } from './markup.js'

/** One line of the notice's short summary, and the section of the full text it sums up. */
export interface InBriefLine {
  readonly text: Html
  /** The id of the section, its address on the page (`#rights`). */
  readonly section: string
  /** That section's heading in the same version, the words of the link to it. */
  readonly heading: string
}

interface WrittenLine {
  readonly text: string
  readonly section: string
}

function isWrittenLine(value: unknown): value is WrittenLine {
  const line = value as Partial<WrittenLine> | null
  return typeof line?.text === 'string' && typeof line.section === 'string'
}

/**
 * The summary a version carries (`inBrief` in its file), each line with the heading of the
 * section it links to. The checker has made sure every line names a section of the version.
 */
export function buildInBrief(
  written: unknown,
  sections: readonly { readonly id: string; readonly heading: string }[],
  resolvePage: PageLinkResolver,
  where: string,
): InBriefLine[] {
  if (!Array.isArray(written)) return []
  return written.filter(isWrittenLine).map((line, index) => ({
    text: renderInline(line.text, resolvePage, `${where}: inBrief[${index}].text`),
    section: line.section,
    heading: sections.find((section) => section.id === line.section)?.heading ?? '',
  }))
}

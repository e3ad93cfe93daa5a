import { type ChangeMarkers, markPieces } from './change-marks.js'
import { type ChangeCounts, compareParagraphs, type ParagraphChange } from './compare-paragraphs.js'
import type { Html } from './html.js'
import type { PolicyModel } from './policy.js'
import { changedWordCounts, wordDiff } from './word-diff.js'

export type SectionChange = 'added' | 'removed' | 'changed' | 'unchanged'

export interface SectionComparison {
  readonly id: string
  readonly change: SectionChange
  /** The heading, with its changed words marked. */
  readonly heading: Html
  /** The heading as the newer version has it (the older one, for a removed section). */
  readonly title: string
  /** The paragraphs as `<p>` elements, with changed words in `<ins>` and `<del>`. */
  readonly paragraphs: readonly Html[]
  /** Each paragraph that differs, before and after, as the notice shows it. */
  readonly paragraphChanges: readonly ParagraphChange[]
  readonly counts: ChangeCounts
}

/**
 * Section ids of both versions: the newer order, each removed section placed right after the
 * section it followed in the older version (or first, if it was first).
 */
function mergedOrder(before: readonly string[], after: readonly string[]): string[] {
  const order = [...after]
  before.forEach((id, index) => {
    if (after.includes(id)) return
    const predecessor = before
      .slice(0, index)
      .reverse()
      .find((earlier) => order.includes(earlier))
    order.splice(predecessor === undefined ? 0 : order.indexOf(predecessor) + 1, 0, id)
  })
  return order
}

/** Two versions of the notice in one language, compared section by section and word by word. */
export function compareVersions(
  older: PolicyModel,
  newer: PolicyModel,
  tag: string,
  markers: ChangeMarkers,
): SectionComparison[] {
  const find = (model: PolicyModel, id: string) =>
    model.sections.find((section) => section.id === id)
  const ids = mergedOrder(
    older.sections.map((section) => section.id),
    newer.sections.map((section) => section.id),
  )
  return ids.map((id) => {
    const before = find(older, id)
    const after = find(newer, id)
    const headingPieces = wordDiff(before?.heading ?? '', after?.heading ?? '', tag)
    const headingWords = changedWordCounts(headingPieces, tag)
    const { paragraphs, paragraphChanges, counts } = compareParagraphs(before, after, tag, markers)
    const change: SectionChange = !before
      ? 'added'
      : !after
        ? 'removed'
        : headingWords.added + headingWords.removed > 0 || paragraphChanges.length > 0
          ? 'changed'
          : 'unchanged'
    return {
      id,
      change,
      heading: markPieces(headingPieces, markers),
      title: after?.heading ?? before?.heading ?? id,
      paragraphs,
      paragraphChanges,
      // A new or removed section's heading comes with it: only changed headings count as words.
      counts:
        change === 'changed'
          ? {
              ...counts,
              wordsAdded: counts.wordsAdded + headingWords.added,
              wordsRemoved: counts.wordsRemoved + headingWords.removed,
            }
          : counts,
    }
  })
}

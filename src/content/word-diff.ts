import { diffArrays } from 'diff'

/** A run of words of a comparison: in both texts, or only in the newer (added) or the older (removed). */
export interface Piece {
  readonly value: string
  readonly added?: boolean
  readonly removed?: boolean
}

/**
 * Beyond this many words and spaces added or removed, a paragraph is shown as rewritten (the old struck
 * through, the new underlined): the word comparison's cost grows with the square of the changes,
 * and no text may hold up the server.
 */
export const wordChangeLimit = 500

const segmenters = new Map<string, Intl.Segmenter>()
const segmenterFor = (tag: string) => {
  let segmenter = segmenters.get(tag)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(tag, { granularity: 'word' })
    segmenters.set(tag, segmenter)
  }
  return segmenter
}

/** A text's words and the spaces between them, as the language splits them. */
function wordsOf(text: string, segmenter: Intl.Segmenter): string[] {
  const words: string[] = []
  for (const { segment } of segmenter.segment(text)) {
    const last = words.length - 1
    // Runs of white space are one token, as a reader sees them.
    if (last >= 0 && /^\s+$/.test(segment) && /^\s+$/.test(words[last] ?? ''))
      words[last] += segment
    else words.push(segment)
  }
  return words
}

/**
 * Compares words as the language splits them, so that Chinese, written without spaces, works
 * too. Each text is split once and the token lists compared (jsdiff's diffWords with a
 * segmenter splits the whole text again for every change, which a long text cannot afford).
 */
export function wordDiff(before: string, after: string, tag: string): Piece[] {
  if (before === after) return [{ value: after }]
  if (before === '' || after === '') {
    return [before === '' ? { value: after, added: true } : { value: before, removed: true }]
  }
  const segmenter = segmenterFor(tag)
  const chunks = diffArrays(wordsOf(before, segmenter), wordsOf(after, segmenter), {
    maxEditLength: wordChangeLimit,
  })
  if (!chunks) {
    return [
      { value: before, removed: true, added: false },
      { value: after, added: true, removed: false },
    ]
  }
  return chunks.map((chunk) => ({
    value: chunk.value.join(''),
    added: chunk.added,
    removed: chunk.removed,
  }))
}

/** How many words (not spaces or punctuation) the pieces add and remove. */
export function changedWordCounts(
  pieces: readonly Piece[],
  tag: string,
): { added: number; removed: number } {
  const segmenter = segmenterFor(tag)
  const wordsIn = (value: string) =>
    [...segmenter.segment(value)].filter((segment) => segment.isWordLike).length
  let added = 0
  let removed = 0
  for (const piece of pieces) {
    if (piece.added) added += wordsIn(piece.value)
    if (piece.removed) removed += wordsIn(piece.value)
  }
  return { added, removed }
}

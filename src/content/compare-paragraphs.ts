import { diffArrays } from 'diff'
import { type ChangeMarkers, markPieces } from './change-marks.js'
import type { Html } from './html.js'
import { plainText } from './markup.js'
import type { PolicySection } from './policy.js'
import { changedWordCounts, type Piece, wordDiff } from './word-diff.js'

/** What a comparison counts of a section's changes, for the list of changed sections. */
export interface ChangeCounts {
  readonly wordsAdded: number
  readonly wordsRemoved: number
  readonly paragraphsAdded: number
  readonly paragraphsRemoved: number
}

/** A changed paragraph in full, as each version has it; `null` where a version has none. */
export interface ParagraphChange {
  readonly before: Html | null
  readonly after: Html | null
}

interface ParagraphComparison {
  readonly paragraphs: Html[]
  readonly paragraphChanges: ParagraphChange[]
  readonly counts: ChangeCounts
}

/** The paragraphs of a section in two versions, compared paragraph by paragraph, then word by word. */
export function compareParagraphs(
  before: PolicySection | undefined,
  after: PolicySection | undefined,
  tag: string,
  markers: ChangeMarkers,
): ParagraphComparison {
  const shown = { before: before?.paragraphs ?? [], after: after?.paragraphs ?? [] }
  const paragraphs: Html[] = []
  const paragraphChanges: ParagraphChange[] = []
  const counts = { wordsAdded: 0, wordsRemoved: 0, paragraphsAdded: 0, paragraphsRemoved: 0 }
  const add = (pieces: Piece[], at: { before: number | undefined; after: number | undefined }) => {
    paragraphs.push(`<p>${markPieces(pieces, markers)}</p>` as Html)
    if (pieces.every((piece) => !piece.added && !piece.removed)) return
    const whole = (list: readonly Html[], index: number | undefined) =>
      index === undefined ? null : (list[index] ?? null)
    paragraphChanges.push({
      before: whole(shown.before, at.before),
      after: whole(shown.after, at.after),
    })
    if (at.before === undefined) counts.paragraphsAdded++
    else if (at.after === undefined) counts.paragraphsRemoved++
    else {
      const words = changedWordCounts(pieces, tag)
      counts.wordsAdded += words.added
      counts.wordsRemoved += words.removed
    }
  }
  let atBefore = 0
  let atAfter = 0
  const chunks = diffArrays(
    (before?.sourceParagraphs ?? []).map(plainText),
    (after?.sourceParagraphs ?? []).map(plainText),
  )
  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index]
    if (!chunk) continue
    const next = chunks[index + 1]
    if (chunk.removed && next?.added) {
      // A paragraph replaced by another: compare them word by word, pair by pair.
      const count = Math.max(chunk.value.length, next.value.length)
      for (let pair = 0; pair < count; pair++) {
        const older = pair < chunk.value.length ? atBefore + pair : undefined
        const newer = pair < next.value.length ? atAfter + pair : undefined
        const pieces = wordDiff(chunk.value[pair] ?? '', next.value[pair] ?? '', tag)
        add(pieces, { before: older, after: newer })
      }
      atBefore += chunk.value.length
      atAfter += next.value.length
      index++
      continue
    }
    for (const value of chunk.value) {
      add([{ value, added: chunk.added, removed: chunk.removed }], {
        before: chunk.added ? undefined : atBefore++,
        after: chunk.removed ? undefined : atAfter++,
      })
    }
  }
  return { paragraphs, paragraphChanges, counts }
}

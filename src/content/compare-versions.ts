import { diffArrays } from 'diff'
import { escapeHtml, type Html } from './html.js'
import { plainText } from './markup.js'
import type { PolicyModel, PolicySection } from './policy.js'
import { type Piece, wordDiff } from './word-diff.js'

/** Words a screen reader says where an insertion or a deletion starts and ends. */
export interface ChangeMarkers {
  readonly insertion: string
  readonly deletion: string
  readonly end: string
}

export type SectionChange = 'added' | 'removed' | 'changed' | 'unchanged'

export interface SectionComparison {
  readonly id: string
  readonly change: SectionChange
  /** The heading, with its changed words marked. */
  readonly heading: Html
  /** The paragraphs as `<p>` elements, with changed words in `<ins>` and `<del>`. */
  readonly paragraphs: readonly Html[]
}

const text = (value: string) => escapeHtml(value).replace(/\n/g, '<br>')

function markPieces(pieces: readonly Piece[], markers: ChangeMarkers): Html {
  const hidden = (words: string) => `<span class="visually-hidden">${escapeHtml(words)}</span>`
  return pieces
    .map((piece) => {
      if (piece.added)
        return `<ins>${hidden(`${markers.insertion} `)}${text(piece.value)}${hidden(markers.end)}</ins>`
      if (piece.removed)
        return `<del>${hidden(`${markers.deletion} `)}${text(piece.value)}${hidden(markers.end)}</del>`
      return text(piece.value)
    })
    .join('') as Html
}

function compareParagraphs(
  before: readonly string[],
  after: readonly string[],
  tag: string,
  markers: ChangeMarkers,
): Html[] {
  const paragraph = (pieces: Piece[]) => `<p>${markPieces(pieces, markers)}</p>` as Html
  const out: Html[] = []
  const chunks = diffArrays(before.map(plainText), after.map(plainText))
  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index]
    if (!chunk) continue
    const next = chunks[index + 1]
    if (chunk.removed && next?.added) {
      // A paragraph replaced by another: compare them word by word, pair by pair.
      const count = Math.max(chunk.value.length, next.value.length)
      for (let pair = 0; pair < count; pair++) {
        out.push(paragraph(wordDiff(chunk.value[pair] ?? '', next.value[pair] ?? '', tag)))
      }
      index++
      continue
    }
    for (const value of chunk.value) {
      out.push(paragraph([{ value, added: chunk.added, removed: chunk.removed }]))
    }
  }
  return out
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
    const before: PolicySection | undefined = find(older, id)
    const after: PolicySection | undefined = find(newer, id)
    const headingPieces = wordDiff(before?.heading ?? '', after?.heading ?? '', tag)
    const paragraphs = compareParagraphs(
      before?.sourceParagraphs ?? [],
      after?.sourceParagraphs ?? [],
      tag,
      markers,
    )
    const change: SectionChange = !before
      ? 'added'
      : !after
        ? 'removed'
        : headingPieces.some((piece) => piece.added || piece.removed) ||
            paragraphs.some((html) => html.includes('<ins>') || html.includes('<del>'))
          ? 'changed'
          : 'unchanged'
    return { id, change, heading: markPieces(headingPieces, markers), paragraphs }
  })
}

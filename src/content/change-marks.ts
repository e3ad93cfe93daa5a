import { escapeHtml, type Html } from './html.js'
import type { Piece } from './word-diff.js'

/** Words a screen reader says where an insertion or a deletion starts and ends. */
export interface ChangeMarkers {
  readonly insertion: string
  readonly deletion: string
  readonly end: string
}

const text = (value: string) => escapeHtml(value).replace(/\n/g, '<br>')

/** Pieces as HTML: the added in `<ins>`, the removed in `<del>`, each with words for a screen reader. */
export function markPieces(pieces: readonly Piece[], markers: ChangeMarkers): Html {
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

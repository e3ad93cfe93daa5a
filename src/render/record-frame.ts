import type { Content } from '../content/content-model.js'
import { escapeHtml } from '../content/html.js'
import type { PageRenderer } from './page-renderer.js'

/**
 * The frame of the pages about one visitor's request (header, menu, footer): rendered once per
 * language when the site is built, with places for the title and the body, which are filled in
 * per request where requests are answered.
 */
export interface RecordFrame {
  readonly tag: string
  /** The frame in pieces: each slot name stands alone between the texts around it. */
  readonly pieces: readonly string[]
}

// Letters only: escaping leaves them as they are, so they are found again in the rendered page.
const titleSlot = 'RecordTitleGoesHere'
const bodySlot = 'RecordBodyGoesHere'

export function recordFrames(
  content: Content,
  renderer: PageRenderer,
): ReadonlyMap<string, RecordFrame> {
  return new Map(
    content.languages.map((language) => {
      const html = renderer.record(language, titleSlot, bodySlot)
      return [
        language.lng,
        { tag: language.tag, pieces: html.split(/(RecordTitleGoesHere|RecordBodyGoesHere)/) },
      ]
    }),
  )
}

/** The page: the title escaped wherever the frame shows it, the body as our templates made it. */
export function inFrame(frame: RecordFrame, title: string, body: string): string {
  const safeTitle = escapeHtml(title)
  return frame.pieces
    .map((piece) => (piece === titleSlot ? safeTitle : piece === bodySlot ? body : piece))
    .join('')
}

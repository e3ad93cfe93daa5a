/**
 * What a published version holds of the notice that staff edit in `draft.json`: the date
 * lines, the note, the short summary (`inBrief`) and the sections. The publish command snapshots it; the checker compares it.
 */
export const versionedFields = ['updated', 'effective', 'note', 'inBrief', 'sections'] as const

type Json = Record<string, unknown>

/** The notice's text from a locale file; with `order`, the sections in that order. */
export function noticeText(json: Json, order?: readonly string[]): Json {
  const text: Json = {}
  for (const field of versionedFields) text[field] = json[field]
  const sections = json.sections
  if (order && sections && typeof sections === 'object' && !Array.isArray(sections)) {
    const byId = sections as Json
    text.sections = Object.fromEntries(order.filter((id) => id in byId).map((id) => [id, byId[id]]))
  }
  return text
}

/** Whether the text staff edit (sections in the shared order) is what a version holds. */
export function isPublishedText(draft: Json, order: readonly string[], version: Json): boolean {
  return JSON.stringify(noticeText(draft, order)) === JSON.stringify(noticeText(version))
}

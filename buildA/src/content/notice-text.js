/**
 * What a published version holds of the notice that staff edit in `policy.json`: the date
 * lines, the note and the sections. The publish command snapshots it; the checker compares it.
 */
export const versionedFields = ['updated', 'effective', 'note', 'sections'];
/** The notice's text from a locale file; with `order`, the sections in that order. */
export function noticeText(json, order) {
    const text = {};
    for (const field of versionedFields)
        text[field] = json[field];
    const sections = json.sections;
    if (order && sections && typeof sections === 'object' && !Array.isArray(sections)) {
        const byId = sections;
        text.sections = Object.fromEntries(order.filter((id) => id in byId).map((id) => [id, byId[id]]));
    }
    return text;
}
/** Whether the text staff edit (sections in the shared order) is what a version holds. */
export function isPublishedText(draft, order, version) {
    return JSON.stringify(noticeText(draft, order)) === JSON.stringify(noticeText(version));
}
//# sourceMappingURL=notice-text.js.map
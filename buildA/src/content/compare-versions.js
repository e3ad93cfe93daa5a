import { diffArrays, diffWords } from 'diff';
import { escapeHtml, plainText } from './markup.js';
const text = (value) => escapeHtml(value).replace(/\n/g, '<br>');
function markPieces(pieces, markers) {
    const hidden = (words) => `<span class="visually-hidden">${escapeHtml(words)}</span>`;
    return pieces
        .map((piece) => {
        if (piece.added)
            return `<ins>${hidden(`${markers.insertion} `)}${text(piece.value)}${hidden(markers.end)}</ins>`;
        if (piece.removed)
            return `<del>${hidden(`${markers.deletion} `)}${text(piece.value)}${hidden(markers.end)}</del>`;
        return text(piece.value);
    })
        .join('');
}
/** Compares words as the language splits them, so that Chinese, written without spaces, works too. */
function wordDiff(before, after, tag) {
    return diffWords(before, after, {
        intlSegmenter: new Intl.Segmenter(tag, { granularity: 'word' }),
    });
}
function compareParagraphs(before, after, tag, markers) {
    const paragraph = (pieces) => `<p>${markPieces(pieces, markers)}</p>`;
    const out = [];
    const chunks = diffArrays(before.map(plainText), after.map(plainText));
    for (let index = 0; index < chunks.length; index++) {
        const chunk = chunks[index];
        if (!chunk)
            continue;
        const next = chunks[index + 1];
        if (chunk.removed && next?.added) {
            // A paragraph replaced by another: compare them word by word, pair by pair.
            const count = Math.max(chunk.value.length, next.value.length);
            for (let pair = 0; pair < count; pair++) {
                out.push(paragraph(wordDiff(chunk.value[pair] ?? '', next.value[pair] ?? '', tag)));
            }
            index++;
            continue;
        }
        for (const value of chunk.value) {
            out.push(paragraph([{ value, added: chunk.added, removed: chunk.removed }]));
        }
    }
    return out;
}
/**
 * Section ids of both versions: the newer order, each removed section placed right after the
 * section it followed in the older version (or first, if it was first).
 */
function mergedOrder(before, after) {
    const order = [...after];
    before.forEach((id, index) => {
        if (after.includes(id))
            return;
        const predecessor = before
            .slice(0, index)
            .reverse()
            .find((earlier) => order.includes(earlier));
        order.splice(predecessor === undefined ? 0 : order.indexOf(predecessor) + 1, 0, id);
    });
    return order;
}
/** Two versions of the notice in one language, compared section by section and word by word. */
export function compareVersions(older, newer, tag, markers) {
    const find = (model, id) => model.sections.find((section) => section.id === id);
    const ids = mergedOrder(older.sections.map((section) => section.id), newer.sections.map((section) => section.id));
    return ids.map((id) => {
        const before = find(older, id);
        const after = find(newer, id);
        const headingPieces = wordDiff(before?.heading ?? '', after?.heading ?? '', tag);
        const paragraphs = compareParagraphs(before?.sourceParagraphs ?? [], after?.sourceParagraphs ?? [], tag, markers);
        const change = !before
            ? 'added'
            : !after
                ? 'removed'
                : headingPieces.some((piece) => piece.added || piece.removed) ||
                    paragraphs.some((html) => html.includes('<ins>') || html.includes('<del>'))
                    ? 'changed'
                    : 'unchanged';
        return { id, change, heading: markPieces(headingPieces, markers), paragraphs };
    });
}
//# sourceMappingURL=compare-versions.js.map
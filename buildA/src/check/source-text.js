// Link targets are not prose: `[kontakt oss](page:contact)` has a colon that is not a slip.
const withoutLinkTargets = (text) => text.replace(/\]\([^)]*\)/g, (match) => `]${' '.repeat(match.length - 1)}`);
const closingPunctuation = /[.!?:;…)»”"']$/u;
const listStart = /^\s*([-*+]|\d+[.)])\s/m;
/** Slips within one text: a digit glued to a word, a colon with no space after it. */
export function slipsInText(text) {
    const prose = withoutLinkTargets(text);
    const slips = [];
    for (const match of prose.matchAll(/\p{L}\d|\d\p{L}/gu)) {
        const word = /\S*$/.exec(prose.slice(0, match.index))?.[0] ?? '';
        const rest = /^\S*/.exec(prose.slice(match.index))?.[0] ?? '';
        slips.push({
            index: match.index,
            message: `a digit is glued to a word in "${word}${rest}": is a space missing?`,
        });
    }
    for (const match of prose.matchAll(/:(?=\p{L})/gu)) {
        const around = prose.slice(Math.max(0, match.index - 12), match.index + 12);
        slips.push({ index: match.index, message: `no space after the colon in "…${around}…"` });
    }
    return slips;
}
/** Slips that concern a paragraph as a whole: how it ends, and what follows it. */
export function slipsInParagraph(text, next) {
    const trimmed = withoutLinkTargets(text).trimEnd();
    const end = Math.max(0, trimmed.length - 1);
    if (trimmed.endsWith(':') &&
        !listStart.test(text) &&
        !(next !== undefined && listStart.test(next))) {
        return [
            {
                index: end,
                message: 'this paragraph ends with a colon, but no list follows it: was a list lost?',
            },
        ];
    }
    if (!closingPunctuation.test(trimmed) && !listStart.test(text)) {
        return [
            {
                index: end,
                message: `this paragraph ends without a full stop or other closing punctuation ("…${trimmed.slice(-20)}")`,
            },
        ];
    }
    return [];
}
//# sourceMappingURL=source-text.js.map
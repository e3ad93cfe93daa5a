import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config-error.js';
const sectionId = /^[a-z][a-z0-9-]*$/;
/** What is wrong with a section order, each problem with the index of the id it concerns. */
export function sectionOrderProblems(raw) {
    const order = raw?.policy;
    if (!Array.isArray(order) || order.length === 0) {
        return [{ message: '"policy" must be a list of section ids' }];
    }
    const problems = [];
    order.forEach((id, index) => {
        if (typeof id !== 'string' || !sectionId.test(id)) {
            problems.push({
                index,
                message: `"${String(id)}" is not a section id (lower-case letters, digits, hyphens)`,
            });
        }
        else if (order.indexOf(id) !== index) {
            problems.push({ index, message: `"${id}" is listed twice` });
        }
    });
    return problems;
}
/** The order of the notice's sections, defined once for every language in `locales/sections.json`. */
export function loadSectionOrder(localesDir) {
    const file = path.join(localesDir, 'sections.json');
    let raw;
    try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
    }
    catch (error) {
        throw new ConfigError(`section order ${file}: ${error.message}`);
    }
    const [problem] = sectionOrderProblems(raw);
    if (problem)
        throw new ConfigError(`section order ${file}: ${problem.message}`);
    return Object.freeze([...raw.policy]);
}
//# sourceMappingURL=section-order.js.map
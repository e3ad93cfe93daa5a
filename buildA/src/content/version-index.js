import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config-error.js';
import { isObject } from '../json-value.js';
import { firstDayOf, isPolicyDate } from './dates.js';
export const versionIndexFile = 'versions.json';
/** The locale file (i18next namespace) that holds one version's text: `versions/2024`. */
export function versionNamespace(id) {
    return `versions/${id}`;
}
function isTimeZone(value) {
    try {
        new Intl.DateTimeFormat('en', { timeZone: value });
        return true;
    }
    catch {
        return false;
    }
}
/** Checks a parsed version index; every problem is reported with where it is. */
export function versionIndexProblems(raw) {
    if (!isObject(raw))
        return [{ path: [], message: 'the file must be a group in { }' }];
    const problems = [];
    if (typeof raw.timeZone !== 'string' || !isTimeZone(raw.timeZone)) {
        problems.push({
            path: ['timeZone'],
            message: `"timeZone" must be a time zone such as "Europe/Oslo"`,
        });
    }
    const versions = raw.versions;
    if (!Array.isArray(versions) || versions.length === 0) {
        problems.push({
            path: ['versions'],
            message: '"versions" must be a list with at least the first version of the notice',
        });
        return problems;
    }
    let previous;
    versions.forEach((version, index) => {
        if (!isObject(version)) {
            problems.push({ path: ['versions', index], message: 'each version is a group in { }' });
            return;
        }
        for (const which of ['effective', 'updated']) {
            const value = version[which];
            if (typeof value !== 'string' || !isPolicyDate(value)) {
                problems.push({
                    path: ['versions', index, which],
                    message: `"${which}" must be a year (2024), a month (2024-05) or a day (2024-05-17)`,
                });
            }
        }
        const effective = version.effective;
        if (typeof effective !== 'string' || !isPolicyDate(effective))
            return;
        if (previous !== undefined && firstDayOf(effective) <= firstDayOf(previous)) {
            problems.push({
                path: ['versions', index, 'effective'],
                message: `versions are listed oldest first, each taking effect after the one before: ${effective} is not after ${previous}`,
            });
        }
        previous = effective;
    });
    return problems;
}
function parseVersionIndex(raw, file) {
    const [problem] = versionIndexProblems(raw);
    if (problem) {
        const where = problem.path.length > 0 ? `${problem.path.join('.')}: ` : '';
        throw new ConfigError(`version list ${file}: ${where}${problem.message}`);
    }
    const value = raw;
    return Object.freeze({
        timeZone: value.timeZone,
        versions: Object.freeze(value.versions.map((version) => Object.freeze({
            id: version.effective,
            effective: version.effective,
            updated: version.updated,
        }))),
    });
}
export function loadVersionIndex(localesDir) {
    const file = path.join(localesDir, versionIndexFile);
    let raw;
    try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
    }
    catch (error) {
        throw new ConfigError(`version list ${file}: ${error.message}`);
    }
    return parseVersionIndex(raw, file);
}
/** How far a time zone is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(instant, timeZone) {
    const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
    }).formatToParts(new Date(instant));
    const part = (type) => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
    return wall - Math.floor(instant / 1000) * 1000;
}
/**
 * The instant a date begins in a time zone: `2027-01-01` in Europe/Oslo is 2026-12-31T23:00Z.
 * Where the clocks skip midnight (daylight saving in some zones), the day begins when they jump.
 */
export function startOfDate(date, timeZone) {
    const day = firstDayOf(date);
    const midnight = Date.parse(`${day}T00:00:00Z`);
    const localDay = (instant) => new Date(instant + zoneOffset(instant, timeZone)).toISOString().slice(0, 10);
    const guess = midnight - zoneOffset(midnight, timeZone);
    const start = midnight - zoneOffset(guess, timeZone);
    if (localDay(start) >= day)
        return new Date(start);
    // Midnight does not exist that day: the offset from before the jump gives the jump itself.
    return new Date(midnight - zoneOffset(start, timeZone));
}
export function versionTimeline(index, now) {
    const started = (version) => startOfDate(version.effective, index.timeZone).getTime() <= now.getTime();
    const past = index.versions.filter(started);
    const inForce = past.at(-1);
    if (!inForce) {
        const first = index.versions[0];
        throw new ConfigError(`version list: no version of the notice is in force yet; the first takes effect on ${first?.effective}`);
    }
    const upcoming = index.versions.filter((version) => !started(version));
    const next = upcoming[0];
    return {
        index,
        inForce,
        upcoming,
        nextChangeAt: next ? startOfDate(next.effective, index.timeZone) : undefined,
    };
}
//# sourceMappingURL=version-index.js.map
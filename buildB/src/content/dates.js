import { escapeHtml } from './markup.js';
const policyDate = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
export function isPolicyDate(value) {
    const match = policyDate.exec(value);
    if (!match)
        return false;
    if (match[3] === undefined)
        return true;
    const day = new Date(`${value}T00:00:00Z`);
    return day.toISOString().startsWith(value);
}
/** The date in the words of the language: `2024`, `mai 2024`, `17. mai 2024`. */
export function formatPolicyDate(date, lng) {
    const [year, month, day] = date.split('-').map(Number);
    const value = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
    // A year alone is written as the language writes a year: `2024`, or `2024年` in Chinese.
    const options = month === undefined
        ? { year: 'numeric', timeZone: 'UTC' }
        : day === undefined
            ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
            : { dateStyle: 'long', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(lng, options).format(value);
}
export function timeElement(date, lng) {
    return `<time datetime="${escapeHtml(date)}">${escapeHtml(formatPolicyDate(date, lng))}</time>`;
}
/** A text with a `{{date}}` in it, escaped, with the date as a `<time>` element. */
export function textWithDate(template, date, lng) {
    return textWithDates(template, { date }, lng);
}
/** A text with named dates such as `{{from}}` and `{{to}}`, each as a `<time>` element. */
export function textWithDates(template, dates, lng) {
    return template
        .split(/(\{\{\w+\}\})/)
        .map((part) => {
        const date = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
        const value = date === undefined ? undefined : dates[date];
        return value === undefined ? escapeHtml(part) : timeElement(value, lng);
    })
        .join('');
}
/** The first day of the period a date names: `2024` → `2024-01-01`, for formats that need a day. */
export function firstDayOf(date) {
    const [year, month = '01', day = '01'] = date.split('-');
    return `${year}-${month}-${day}`;
}
//# sourceMappingURL=dates.js.map
import { escapeHtml, type Html } from './html.js'

/** A policy date as staff write it: a year (`2024`), a month (`2024-05`) or a day (`2024-05-17`). */
export type PolicyDate = string

const policyDate = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/

export function isPolicyDate(value: string): boolean {
  const match = policyDate.exec(value)
  if (!match) return false
  if (match[3] === undefined) return true
  const day = new Date(`${value}T00:00:00Z`)
  return day.toISOString().startsWith(value)
}

/** The date in the words of the language: `2024`, `mai 2024`, `17. mai 2024`. */
export function formatPolicyDate(date: PolicyDate, lng: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?]
  const value = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1))
  // A year alone is written as the language writes a year: `2024`, or `2024年` in Chinese.
  const options: Intl.DateTimeFormatOptions =
    month === undefined
      ? { year: 'numeric', timeZone: 'UTC' }
      : day === undefined
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { dateStyle: 'long', timeZone: 'UTC' }
  return new Intl.DateTimeFormat(lng, options).format(value)
}

export function timeElement(date: PolicyDate, lng: string): Html {
  return `<time datetime="${escapeHtml(date)}">${escapeHtml(formatPolicyDate(date, lng))}</time>` as Html
}

/** A text with a `{{date}}` in it, escaped, with the date as a `<time>` element. */
export function textWithDate(template: string, date: PolicyDate, lng: string): Html {
  return textWithDates(template, { date }, lng)
}

/** A text with named dates such as `{{from}}` and `{{to}}`, each as a `<time>` element. */
export function textWithDates(
  template: string,
  dates: Readonly<Record<string, PolicyDate>>,
  lng: string,
): Html {
  return template
    .split(/(\{\{\w+\}\})/)
    .map((part) => {
      const date = /^\{\{(\w+)\}\}$/.exec(part)?.[1]
      const value = date === undefined ? undefined : dates[date]
      return value === undefined ? escapeHtml(part) : timeElement(value, lng)
    })
    .join('') as Html
}

/** The first day of the period a date names: `2024` → `2024-01-01`, for formats that need a day. */
export function firstDayOf(date: PolicyDate): string {
  const [year, month = '01', day = '01'] = date.split('-')
  return `${year}-${month}-${day}`
}

/** Today's date in the versions' time zone, as `2026-11-26`. */
export function todayIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

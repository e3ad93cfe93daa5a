import { isPolicyDate } from '../content/dates.js'

/** What is wrong with a date given as a command's option (`--effective`), in words staff act on. */
export function dateOptionProblem(option: string, value: string): string | undefined {
  return isPolicyDate(value)
    ? undefined
    : `--${option} ${value} must be a year (2027), a month (2027-01) or a day (2027-01-01)`
}

import type { AuditEvent } from './audit-trail.js'

const header = ['at', 'actor_email', 'actor', 'action', 'request_id', 'details']

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection); a
// leading apostrophe makes it text.
const formulaStart = /^[=+\-@\t\r]/

function csvField(value: string | null): string {
  const text = value ?? ''
  const safe = formulaStart.test(text) ? `'${text}` : text
  return `"${safe.replaceAll('"', '""')}"`
}

/** The events as RFC 4180 CSV: a header row, every field quoted, CRLF line ends. */
export function auditCsv(events: readonly AuditEvent[]): string {
  const rows = events.map((event) => [
    event.at,
    event.actorEmail,
    event.actor,
    event.action,
    event.requestId,
    event.details,
  ])
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('')
}

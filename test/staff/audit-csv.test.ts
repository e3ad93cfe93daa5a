import { describe, expect, it } from 'vitest'
import { auditActions } from '../../src/staff/audit-actions.js'
import { auditCsv } from '../../src/staff/audit-csv.js'
import type { AuditEvent } from '../../src/staff/audit-trail.js'

const event: AuditEvent = {
  id: 'e1',
  at: '2026-04-01T10:00:00.000Z',
  actor: 'a1',
  actorEmail: 'kari@example.no',
  action: 'status-change',
  requestId: 'r1',
  details: '{"to":"completed"}',
}

describe('the audit trail as CSV', () => {
  it('has a header row, every field quoted, CRLF line ends', () => {
    expect(auditCsv([event])).toBe(
      '"at","actor_email","actor","action","request_id","details"\r\n' +
        '"2026-04-01T10:00:00.000Z","kari@example.no","a1","status-change","r1","{""to"":""completed""}"\r\n',
    )
    expect(auditCsv([])).toBe('"at","actor_email","actor","action","request_id","details"\r\n')
  })

  it('keeps a comma, a quote and a line break inside one field', () => {
    const csv = auditCsv([{ ...event, details: 'a, "b"\r\nc\nd' }])
    expect(csv.endsWith(',"r1","a, ""b""\r\nc\nd"\r\n')).toBe(true)
  })

  it('writes empty fields for what an event does not have', () => {
    const csv = auditCsv([
      { ...event, actor: null, actorEmail: null, requestId: null, details: null },
    ])
    expect(csv.split('\r\n')[1]).toBe('"2026-04-01T10:00:00.000Z","","","status-change","",""')
  })

  it.each(['=HYPERLINK("http://x")', '+1', '-1+1', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises a field that a spreadsheet would run as a formula: %j',
    (value) => {
      const row = auditCsv([{ ...event, actorEmail: value }]).slice(
        '"at","actor_email","actor","action","request_id","details"\r\n'.length,
      )
      expect(row.startsWith(`"2026-04-01T10:00:00.000Z","'${value.replaceAll('"', '""')}"`)).toBe(
        true,
      )
    },
  )

  it('lists the actions staff work is recorded under', () => {
    expect(auditActions).toContain('sign-in')
    expect(new Set(auditActions).size).toBe(13)
  })
})

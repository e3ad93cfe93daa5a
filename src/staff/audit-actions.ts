/** What the audit trail records; an event's action is always one of these. */
export const auditActions = [
  'sign-in',
  'sign-in-refused',
  'sign-out',
  'view-request',
  'note',
  'reply',
  'status-change',
  'extend',
  'refuse',
  'delete',
  'account-added',
  'account-disabled',
  'password-reset',
] as const

export type AuditAction = (typeof auditActions)[number]

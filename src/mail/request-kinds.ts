/**
 * The kinds of privacy request a visitor can send, after the rights of GDPR Articles 15 to 21;
 * each has its words in `locales/{lng}/mail.json` under `kinds`.
 */
export const requestKinds = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'other',
] as const

export type RequestKind = (typeof requestKinds)[number]

export function isRequestKind(value: unknown): value is RequestKind {
  return typeof value === 'string' && (requestKinds as readonly string[]).includes(value)
}

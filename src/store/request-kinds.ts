/** What a visitor may ask about their data: the rights of GDPR Art. 15–22, plus a question or complaint. */
export const requestKinds = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'withdraw_consent',
  'question',
  'complaint',
] as const
export type RequestKind = (typeof requestKinds)[number]

/** Where a request stands; `extended` is the further two months of GDPR Art. 12(3). */
export const requestStatuses = [
  'received',
  'confirmed',
  'in_progress',
  'completed',
  'refused',
  'extended',
] as const
export type RequestStatus = (typeof requestStatuses)[number]

export const messageAuthors = ['staff', 'visitor'] as const
export type MessageAuthor = (typeof messageAuthors)[number]

/**
 * The error pages every language has, and the status each answers with: one table for the
 * renderer, the prepared responses and the error handler.
 */
export const errorStatus = {
  badRequest: 400,
  forbidden: 403,
  notFound: 404,
  methodNotAllowed: 405,
  tooLarge: 413,
  unsupportedType: 415,
  tooManyRequests: 429,
  serverError: 500,
} as const

export type ErrorKind = keyof typeof errorStatus

export const errorKinds = Object.keys(errorStatus) as ErrorKind[]

/** The error page for a status: its own kind, or the general 4xx or 5xx page. */
export function errorKindOf(status: number): ErrorKind {
  const kind = errorKinds.find((candidate) => errorStatus[candidate] === status)
  return kind ?? (status < 500 ? 'badRequest' : 'serverError')
}

/** An error that carries the status the visitor should get, such as 400 for a malformed URL. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

/** The status for any error: a 4xx the error carries (ours or Express's), a 5xx of ours, otherwise 500. */
export function statusOf(error: unknown): number {
  if (error instanceof HttpError && error.status >= 500 && error.status < 600) return error.status
  const candidate = (error as { status?: unknown; statusCode?: unknown } | null) ?? {}
  const status = Number(candidate.status ?? candidate.statusCode)
  return Number.isInteger(status) && status >= 400 && status < 500 ? status : 500
}

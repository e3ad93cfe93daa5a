/** True when an If-None-Match header matches the ETag (weak comparison, RFC 9110 §13.1.2). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  const trimmed = header.trim()
  if (trimmed === '*') return true
  const opaque = etag.replace(/^W\//, '')
  return trimmed.split(',', 64).some((candidate) => candidate.trim().replace(/^W\//, '') === opaque)
}

const absoluteForm = /^https?:\/\//i

/**
 * The origin form (`/nb/?a=1`) of a request target. The absolute form (`http://host/nb/`,
 * RFC 9112 §3.2.2), which servers must accept, gives its path and query as sent; a target that
 * is neither, or whose host does not parse (`http://[/`), gives undefined.
 */
export function originForm(target: string): string | undefined {
  if (target.startsWith('/')) return target
  if (!absoluteForm.test(target)) return undefined
  try {
    new URL(target)
  } catch {
    return undefined
  }
  const afterScheme = target.slice(target.indexOf('//') + 2)
  const authorityEnd = afterScheme.search(/[/?#]/)
  const rest = authorityEnd === -1 ? '' : afterScheme.slice(authorityEnd)
  if (rest.startsWith('/')) return rest
  return rest.startsWith('?') ? `/${rest}` : '/'
}

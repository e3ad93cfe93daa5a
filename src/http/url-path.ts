/** The path of a request target, without its query string: `/nb/?a=1` → `/nb/`. */
export function pathOf(url: string | undefined): string {
  const target = url ?? ''
  const query = target.indexOf('?')
  return query === -1 ? target : target.slice(0, query)
}

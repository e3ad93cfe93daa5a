/**
 * The link as an email may hold it: an address on the site itself (the same origin as BASE_URL),
 * with no user name or password in it. Anything else is a mistake of the calling code: it throws.
 */
export function siteLink(link: string, origin: string): string {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    throw new Error('an email link must be an absolute address on the site')
  }
  const site = new URL(origin)
  if (url.origin !== site.origin || url.username !== '' || url.password !== '') {
    throw new Error(`an email may link only to the site itself (${site.origin})`)
  }
  return url.href
}

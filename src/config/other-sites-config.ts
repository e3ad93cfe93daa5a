import { isObject, type Json } from './json-value.js'

/** One of the company's other websites, and where its banner's buttons are, for the cookie scan. */
export interface OtherSite {
  /** The site's origin, such as `https://shop.example.no`. */
  readonly origin: string
  /** CSS selector of the control that accepts everything. */
  readonly accept: string
  /** CSS selector of the control that rejects everything. */
  readonly reject: string
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value
  } catch {
    return false
  }
}

/** The optional `otherSites` list: an origin and two selectors each. */
export function parseOtherSites(
  root: Json,
  problem: (path: (string | number)[], message: string) => void,
): OtherSite[] {
  const list = root.otherSites ?? []
  if (!Array.isArray(list)) {
    problem(['otherSites'], 'must be a list of sites in [ ]')
    return []
  }
  return list.map((entry: Json, index: number) => {
    const path = ['otherSites', index]
    const site = isObject(entry) ? entry : {}
    if (!isObject(entry)) problem(path, 'must be a group of fields in { }')
    const text = (key: string): string => {
      const value = site[key]
      if (typeof value === 'string' && value.trim() !== '') return value.trim()
      problem([...path, key], value === undefined ? 'is missing' : 'must be a non-empty text')
      return ''
    }
    const origin = text('origin')
    if (origin !== '' && !isOrigin(origin)) {
      problem(
        [...path, 'origin'],
        `"${origin}" must be a site's address without a path, such as https://shop.example.no`,
      )
    }
    return { origin, accept: text('accept'), reject: text('reject') }
  })
}

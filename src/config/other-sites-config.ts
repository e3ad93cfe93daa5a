import { fieldReader } from './field-reader.js'
import type { Json } from './json-value.js'

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
  const read = fieldReader(problem)
  const list = root.otherSites ?? []
  if (!Array.isArray(list)) {
    problem(['otherSites'], 'must be a list of sites in [ ]')
    return []
  }
  return list.map((entry: Json, index: number) => {
    const path = ['otherSites', index]
    const site = read.object(entry, path)
    const text = (key: string): string => read.text(site, [...path, key])
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

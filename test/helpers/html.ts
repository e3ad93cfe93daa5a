import { type CheerioAPI, load } from 'cheerio'

export function parse(html: string): CheerioAPI {
  return load(html)
}

/** Text as a reader sees it: whitespace collapsed to single spaces. */
export function visibleText($: CheerioAPI, selector: Parameters<CheerioAPI>[0] = 'body'): string {
  return $(selector).text().replace(/\s+/g, ' ').trim()
}

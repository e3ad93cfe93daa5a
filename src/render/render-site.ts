import { type ErrorKind, errorKinds, errorStatus } from '../config/error-kinds.js'
import { feedPath } from '../config/site-pages.js'
import type { Content } from '../content/content-model.js'
import { firstDayOf } from '../content/dates.js'
import type { Assets } from './assets.js'
import { atomFeed } from './atom-feed.js'
import { consentViews } from './consent-view.js'
import { robotsTxt, securityTxt, sitemapXml } from './crawler-files.js'
import type { PageRenderer } from './page-renderer.js'
import { pageTable } from './page-table.js'
import type { TimeSlice } from './time-slice.js'

/** An HTML page in each of its consent variants (one, when there is nothing to choose). */
export interface RenderedPage {
  readonly path: string
  /** The page's language as a BCP 47 tag, for Content-Language. */
  readonly tag: string
  readonly variants: readonly {
    readonly key: string
    readonly html: string
    readonly scripts: readonly string[]
  }[]
}

/** Anything else served at a path: a feed, a crawler file, an asset. */
export interface RenderedFile {
  readonly path: string
  readonly body: string | Buffer
  readonly contentType: string
  /** Assets have content-hashed names and never change. */
  readonly immutable: boolean
}

export interface RenderedError {
  readonly kind: ErrorKind
  readonly status: number
  readonly lng: string
  readonly tag: string
  readonly html: string
}

/** The render stage's result: every body the site serves, as text, not yet compressed. */
export interface RenderedSite {
  /** The language codes, the default (source) language first. */
  readonly languages: readonly string[]
  readonly pages: readonly RenderedPage[]
  readonly files: readonly RenderedFile[]
  readonly errors: readonly RenderedError[]
}

const xml = (type: string) => `application/${type}; charset=utf-8`
const plain = 'text/plain; charset=utf-8'

/** The crawler and well-known files, the feeds and the assets. */
function renderFiles(content: Content, assets: Assets, baseUrl: string, now: Date): RenderedFile[] {
  const file = (path: string, body: string, contentType: string): RenderedFile => ({
    path,
    body,
    contentType,
    immutable: false,
  })
  const lastUpdate = firstDayOf(content.timeline.inForce.updated)
  return [
    ...content.languages.map((language) =>
      file(feedPath(language.lng), atomFeed(content, language, baseUrl), xml('atom+xml')),
    ),
    file('/sitemap.xml', sitemapXml(content, baseUrl), xml('xml')),
    file('/robots.txt', robotsTxt(baseUrl), plain),
    file('/.well-known/security.txt', securityTxt(content, baseUrl, now), plain),
    file(
      '/.well-known/gpc.json',
      `${JSON.stringify({ gpc: true, lastUpdate })}\n`,
      'application/json',
    ),
    ...assets.files.map((asset) => ({
      path: asset.url,
      body: asset.body,
      contentType: asset.contentType,
      immutable: true,
    })),
  ]
}

/**
 * Renders every page of the page table in each consent variant, every file and error page,
 * page by page, letting requests in between (`slice`).
 */
export async function renderSite(
  content: Content,
  renderer: PageRenderer,
  assets: Assets,
  options: { readonly baseUrl: string; readonly now: Date; readonly slice: TimeSlice },
): Promise<RenderedSite> {
  const pages: RenderedPage[] = []
  for (const entry of pageTable(content)) {
    await options.slice()
    pages.push({
      path: entry.path,
      tag: entry.language.tag,
      variants: consentViews(content.consent, content.site.cookieInventory, entry.language).map(
        (view) => ({
          key: view.key,
          html: renderer.page(entry, view),
          scripts: view.scripts,
        }),
      ),
    })
  }
  const errors = content.languages.flatMap((language) =>
    errorKinds.map((kind) => ({
      kind,
      status: errorStatus[kind],
      lng: language.lng,
      tag: language.tag,
      html: renderer.error(language, kind),
    })),
  )
  return {
    languages: content.languages.map((language) => language.lng),
    pages,
    files: renderFiles(content, assets, options.baseUrl, options.now),
    errors,
  }
}

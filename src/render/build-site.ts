import type { Config } from '../config.js'
import { type Content, loadContent } from '../content/load-content.js'
import { localesDir, publicDir, viewsDir } from '../paths.js'
import { type Assets, loadAssets } from './assets.js'
import { createPageRenderer, type PageRenderer } from './page-renderer.js'
import { buildPageTable, type PageTable } from './page-table.js'

/** One complete, consistent build of the site: content, assets, renderer and rendered pages. */
export interface SiteBuild {
  readonly content: Content
  readonly assets: Assets
  readonly renderer: PageRenderer
  readonly pages: PageTable
}

export interface SiteSources {
  readonly localesDir: string
  readonly publicDir: string
  readonly viewsDir: string
}

export const defaultSources: SiteSources = { localesDir, publicDir, viewsDir }

/** Loads and checks all content and renders every page; throws ConfigError on bad content. */
export async function buildSite(
  config: Config,
  sources: SiteSources = defaultSources,
  now: Date = new Date(),
): Promise<SiteBuild> {
  const content = await loadContent(sources.localesDir, config.site)
  const assets = loadAssets(sources.publicDir)
  const renderer = createPageRenderer(sources.viewsDir, content, assets, config.baseUrl)
  const pages = buildPageTable(content, renderer, { baseUrl: config.baseUrl, now })
  return { content, assets, renderer, pages }
}

import type { Config } from '../config.js'
import { type Content, loadContent } from '../content/load-content.js'
import { localesDir, publicDir, viewsDir } from '../paths.js'
import { securityHeaderList } from '../routes/security-headers.js'
import { type Assets, loadAssets } from './assets.js'
import { createPageRenderer, type PageRenderer } from './page-renderer.js'
import type { HeaderList } from './prepared-response.js'
import { buildResponseTable, type ResponseTable } from './response-table.js'

/** One complete, consistent build of the site: content, assets, renderer and every response. */
export interface SiteBuild {
  readonly content: Content
  readonly assets: Assets
  readonly renderer: PageRenderer
  readonly responses: ResponseTable
  /** The security headers of every response, prepared or not. */
  readonly securityHeaders: HeaderList
}

export interface SiteSources {
  readonly localesDir: string
  readonly publicDir: string
  readonly viewsDir: string
}

export const defaultSources: SiteSources = { localesDir, publicDir, viewsDir }

/** Loads and checks all content, renders and compresses every response; throws ConfigError. */
export async function buildSite(
  config: Config,
  sources: SiteSources = defaultSources,
  now: Date = new Date(),
): Promise<SiteBuild> {
  const content = await loadContent(sources.localesDir, config.site)
  const assets = loadAssets(sources.publicDir)
  const renderer = createPageRenderer(sources.viewsDir, content, assets, config.baseUrl)
  const securityHeaders = securityHeaderList({ production: config.env === 'production' })
  const responses = await buildResponseTable(content, renderer, assets, {
    baseUrl: config.baseUrl,
    now,
    securityHeaders,
  })
  return { content, assets, renderer, responses, securityHeaders }
}

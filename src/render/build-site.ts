import { displayPath } from '../check/check-content.js'
import { checkLocales } from '../check/check-locales.js'
import { type Finding, formatFinding } from '../check/findings.js'
import type { Config } from '../config.js'
import { ConfigError } from '../config-error.js'
import type { ConsentPolicy } from '../consent/consent-policy.js'
import { type Content, contentAt, loadContent } from '../content/load-content.js'
import { compressedDir, localesDir, publicDir, viewsDir } from '../paths.js'
import { type Assets, loadAssets } from './assets.js'
import { type CompressionCache, diskCompressionCache } from './compression-cache.js'
import { createPageRenderer, type PageRenderer } from './page-renderer.js'
import type { HeaderList } from './prepared-response.js'
import { buildResponseTable, type ResponseTable } from './response-table.js'
import { securityHeaderList } from './security-headers.js'

/** One complete, consistent build of the site: content, assets, renderer and every response. */
export interface SiteBuild {
  readonly content: Content
  readonly assets: Assets
  readonly renderer: PageRenderer
  readonly responses: ResponseTable
  /** The security headers of every response, prepared or not. */
  readonly securityHeaders: HeaderList
  /** The checker's warnings about the content this build was made from. */
  readonly warnings: readonly Finding[]
  /** What a request's consent cookie is checked against. */
  readonly consent: { readonly policy: ConsentPolicy; readonly secret: string }
}

export interface SiteSources {
  readonly localesDir: string
  readonly publicDir: string
  readonly viewsDir: string
  /** Compressed bodies from an earlier build; none, to compress everything. */
  readonly compressionCache?: CompressionCache
}

export const defaultSources: SiteSources = { localesDir, publicDir, viewsDir }

/** What the server uses: the default sources, and the bodies `npm run build` compressed. */
export const serverSources: SiteSources = {
  ...defaultSources,
  compressionCache: diskCompressionCache(compressedDir, { write: false }),
}

/**
 * Checks all content as `npm run check` does, then loads it, renders and compresses every
 * response. Content the checker rejects is a ConfigError naming the first error's place.
 */
export async function buildSite(
  config: Config,
  sources: SiteSources = defaultSources,
  now: Date = new Date(),
): Promise<SiteBuild> {
  const { findings } = checkLocales(sources.localesDir, config.site.languages, displayPath, now)
  const errors = findings.filter((finding) => finding.level === 'error')
  const [firstError] = errors
  if (firstError) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more: run npm run check)` : ''
    throw new ConfigError(`${formatFinding(firstError)}${more}`)
  }
  const content = await loadContent(sources.localesDir, config.site, now)
  const assets = loadAssets(sources.publicDir)
  const renderer = createPageRenderer(sources.viewsDir, content, assets, config.baseUrl)
  return renderSite(config, content, assets, renderer, sources, now, findings)
}

/**
 * The same site rendered again for another moment, from the content, assets and templates
 * already loaded: how an announced version comes into force at its time, whatever state the
 * files are in then: no locale, configuration or template file is read again.
 */
export function rebuildAt(
  config: Config,
  site: SiteBuild,
  sources: SiteSources,
  now: Date,
): Promise<SiteBuild> {
  const content = contentAt(site.content, now)
  const renderer = site.renderer.withContent(content)
  return renderSite(config, content, site.assets, renderer, sources, now, site.warnings)
}

async function renderSite(
  config: Config,
  content: Content,
  assets: Assets,
  renderer: PageRenderer,
  sources: SiteSources,
  now: Date,
  warnings: readonly Finding[],
): Promise<SiteBuild> {
  const cache = sources.compressionCache
  const production = config.env === 'production'
  const securityHeaders = securityHeaderList({ production })
  const responses = await buildResponseTable(content, renderer, assets, {
    baseUrl: config.baseUrl,
    now,
    consent: content.consent,
    securityHeaders: (scripts) =>
      scripts.length === 0 ? securityHeaders : securityHeaderList({ production, scripts }),
    ...(cache ? { compressionCache: cache } : {}),
  })
  return {
    content,
    assets,
    renderer,
    responses,
    securityHeaders,
    warnings,
    consent: { policy: content.consent, secret: config.cookieSecret },
  }
}

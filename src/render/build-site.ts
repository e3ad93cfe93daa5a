import { displayPath } from '../check/check-content.js'
import { checkLocales } from '../check/check-locales.js'
import { type Finding, formatFinding } from '../check/findings.js'
import type { Config } from '../config.js'
import { ConfigError } from '../config-error.js'
import type { ConsentPolicy } from '../consent/consent-policy.js'
import { type Content, contentAt, loadContent } from '../content/load-content.js'
import { compressedDir, localesDir, publicDir, viewsDir } from '../paths.js'
import { type Assets, loadAssets } from './assets.js'
import { diskCompressionCache } from './compression-cache.js'
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
  /** Where compressed bodies are kept between builds and starts; none, to always compress. */
  readonly compressedDir?: string
}

export const defaultSources: SiteSources = { localesDir, publicDir, viewsDir }

/** What the server uses: the default sources, with compressed bodies kept in build/. */
export const serverSources: SiteSources = { ...defaultSources, compressedDir }

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
  return renderSite(config, content, loadAssets(sources.publicDir), sources, now, findings)
}

/**
 * The same site rendered again for another moment, from the content already loaded: how an
 * announced version comes into force at its time, whatever state the files are in then.
 */
export function rebuildAt(
  config: Config,
  site: SiteBuild,
  sources: SiteSources,
  now: Date,
): Promise<SiteBuild> {
  return renderSite(config, contentAt(site.content, now), site.assets, sources, now, site.warnings)
}

async function renderSite(
  config: Config,
  content: Content,
  assets: Assets,
  sources: SiteSources,
  now: Date,
  warnings: readonly Finding[],
): Promise<SiteBuild> {
  const renderer = createPageRenderer(sources.viewsDir, content, assets, config.baseUrl)
  const cache = sources.compressedDir ? diskCompressionCache(sources.compressedDir) : undefined
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
  await cache?.settle()
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

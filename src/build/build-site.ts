import { checkSources } from '../check/check-sources.js'
import type { Config } from '../config/environment.js'
import type { ConsentPolicy } from '../consent/consent-policy.js'
import { buildContent, type Content, contentAt } from '../content/content-model.js'
import { noticeState } from '../content/version-index.js'
import { prepareResponses } from '../prepare/response-table.js'
import { securityHeaderList } from '../prepare/security-headers.js'
import { readSources, type SourceSet } from '../read/read-sources.js'
import { type Assets, assetsOf } from '../render/assets.js'
import { errorDetailsPages } from '../render/error-details-page.js'
import { createPageRenderer, type PageRenderer } from '../render/page-renderer.js'
import { renderSite } from '../render/render-site.js'
import { compileTemplates } from '../render/templates.js'
import { type TimeSlice, timeSlicer } from '../render/time-slice.js'
import { ContentRejected } from './content-rejected.js'
import { saveLastGood } from './last-good.js'
import { type RequestKit, requestKitOf } from './request-kit.js'
import type { ServedSite } from './served-site.js'
import { defaultSources, type SiteSources } from './site-sources.js'

/** One complete, consistent build of the site: content, assets, renderer and every response. */
export interface SiteBuild extends ServedSite {
  readonly content: Content
  readonly assets: Assets
  readonly renderer: PageRenderer
  readonly consent: { readonly policy: ConsentPolicy; readonly secret: string }
}

/** What a build is made again from for another moment: everything but its responses. */
export type BuildMaterial = Pick<
  SiteBuild,
  'content' | 'assets' | 'renderer' | 'warnings' | 'draftErrors'
>

/**
 * The build, in the order data flows: read every file once → check → content model → render
 * every page and file → prepare the responses. Content with errors is a ContentRejected.
 */
export async function buildSite(
  config: Config,
  sources: SiteSources = defaultSources,
  now: Date = new Date(),
): Promise<SiteBuild> {
  const read = readSources({ ...sources, siteConfigPath: config.siteConfigPath })
  const site = await buildFrom(config, sources.preview?.(read, now) ?? read, sources, now)
  if (sources.lastGood) saveLastGood(sources.lastGood, read, now)
  return site
}

/** The stages after reading, on sources read now or kept from an earlier build. */
export async function buildFrom(
  config: Config,
  read: SourceSet,
  sources: SiteSources,
  now: Date,
): Promise<SiteBuild> {
  const slice = timeSlicer()
  const checked = checkSources(read, { mode: config.env, now })
  if (checked.errors.length > 0 || !checked.site) throw new ContentRejected(checked.errors)
  await slice()
  const content = await buildContent(checked.site, checked.documents, now)
  await slice()
  const assets = assetsOf(read.assets, config.baseUrl)
  const templates = compileTemplates(sources.viewsDir, read.views)
  const renderer = createPageRenderer(templates, content, assets, config.baseUrl)
  return prepareSite(config, content, assets, renderer, sources, now, checked, slice)
}

/**
 * The same site rendered again for another moment, from the content, assets and templates
 * already loaded: how an announced version comes into force at its time, whatever state the
 * files are in then: no locale, configuration or template file is read again.
 */
export function rebuildAt(
  config: Config,
  site: BuildMaterial,
  sources: SiteSources,
  now: Date,
): Promise<SiteBuild> {
  const content = contentAt(site.content, now)
  const renderer = site.renderer.withContent(content)
  return prepareSite(config, content, site.assets, renderer, sources, now, site, timeSlicer())
}

/** The last two stages: render, then prepare. */
async function prepareSite(
  config: Config,
  content: Content,
  assets: Assets,
  renderer: PageRenderer,
  sources: SiteSources,
  now: Date,
  findings: Pick<BuildMaterial, 'warnings' | 'draftErrors'>,
  slice: TimeSlice,
): Promise<SiteBuild> {
  const production = config.env === 'production'
  const securityHeaders = securityHeaderList({ production })
  const rendered = await renderSite(content, renderer, assets, {
    baseUrl: config.baseUrl,
    now,
    slice,
  })
  const responses = await prepareResponses(rendered, {
    byConsent: content.consent.categories.length > 0,
    securityHeaders: (scripts) =>
      scripts.length === 0 ? securityHeaders : securityHeaderList({ production, scripts }),
    ...(sources.compressionCache ? { compressionCache: sources.compressionCache } : {}),
    ...(sources.compression ? { compression: sources.compression } : {}),
  })
  return {
    content,
    assets,
    renderer,
    responses,
    securityHeaders,
    warnings: findings.warnings,
    draftErrors: findings.draftErrors,
    consent: { policy: content.consent, secret: config.cookieSecret },
    acceptLanguage: content.site.acceptLanguage,
    notice: noticeState(content.timeline),
    nextChangeAt: content.timeline.nextChangeAt,
    ...(production ? {} : { errorDetailsPages: errorDetailsPages(content, renderer) }),
    ...withRequestKit(requestKitOf(content, renderer, sources.viewsDir)),
  }
}

const withRequestKit = (kit: RequestKit | undefined) => (kit ? { requests: kit } : {})

import type { Config } from '../config/environment.js'
import { readSources } from '../read/read-sources.js'
import { buildFrom, buildSite, type SiteBuild } from './build-site.js'
import { ContentRejected } from './content-rejected.js'
import { loadLastGood } from './last-good.js'
import type { SiteSources } from './site-sources.js'

/** How the site started: from the files, or from the last good content because they have errors. */
export interface StartedSite<Site = SiteBuild> {
  readonly site: Site
  /** Set when the files have errors and the last good content is served instead. */
  readonly degraded?: { readonly savedAt: string; readonly errors: ContentRejected }
}

/**
 * The first build of a process. Files with errors do not take the site down when an earlier
 * build left its content on disk: that content is served, and the caller says so. Without it,
 * the errors stop the start (a deploy with broken content never serves).
 */
export async function startSite(
  config: Config,
  sources: SiteSources,
  now: Date = new Date(),
): Promise<StartedSite> {
  try {
    return { site: await buildSite(config, sources, now) }
  } catch (error) {
    const kept =
      error instanceof ContentRejected && sources.lastGood && loadLastGood(sources.lastGood)
    if (!kept) throw error
    // The kept content, with the templates and assets of the code that runs now.
    const { views, assets } = readSources({ ...sources, siteConfigPath: config.siteConfigPath })
    const site = await buildFrom(config, { ...kept.content, views, assets }, sources, now)
    return { site, degraded: { savedAt: kept.savedAt, errors: error } }
  }
}

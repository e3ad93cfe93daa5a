import type { Config } from '../config/environment.js'
import { type BuildMaterial, buildSite, rebuildAt, type SiteBuild } from './build-site.js'
import type { ServedSite } from './served-site.js'
import type { SiteSources } from './site-sources.js'
import { type StartedSite, startSite } from './start-site.js'

/**
 * What keeps a server's site built: the first build, a build from the files as they are now,
 * and the build in force made again for another moment. Each answers the site to serve, or
 * rejects with why (a ContentRejected for content with errors).
 */
export interface SiteBuilder {
  start(now: Date): Promise<StartedSite<ServedSite>>
  build(now: Date): Promise<ServedSite>
  /** From the content, templates and assets of the last build made: no file is read again. */
  rebuildAt(now: Date): Promise<ServedSite>
  close(): Promise<void>
}

/**
 * The builder on the calling thread: for the preview, the tools and tests. It keeps what the
 * last build was made from (not its responses), for the next version's moment; the server
 * runs the same builder on a thread of its own (build-thread.ts).
 */
export function inThreadBuilder(config: Config, sources: SiteSources): SiteBuilder {
  let material: BuildMaterial | undefined
  const kept = <T extends SiteBuild>(site: T): T => {
    const { content, assets, renderer, warnings, draftErrors } = site
    material = { content, assets, renderer, warnings, draftErrors }
    return site
  }
  return {
    async start(now) {
      const started = await startSite(config, sources, now)
      kept(started.site)
      return started
    },
    build: async (now) => kept(await buildSite(config, sources, now)),
    // A builder that has built nothing yet (a build thread started again) builds from the files.
    rebuildAt: async (now) =>
      kept(
        material
          ? await rebuildAt(config, material, sources, now)
          : await buildSite(config, sources, now),
      ),
    close: async () => {
      material = undefined
    },
  }
}

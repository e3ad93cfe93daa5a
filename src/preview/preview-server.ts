import type { Server } from 'node:http'
import { createApp } from '../app.js'
import { buildSite } from '../build/build-site.js'
import { ContentRejected } from '../build/content-rejected.js'
import { inThreadBuilder } from '../build/site-builder.js'
import type { SiteSources } from '../build/site-sources.js'
import { checkSources } from '../check/check-sources.js'
import { formatFinding } from '../check/findings.js'
import type { Config } from '../config/environment.js'
import { createHttpServer } from '../http/http-server.js'
import { createRequestHandler } from '../http/request-handler.js'
import type { Logger } from '../log/logger.js'
import { readSources } from '../read/read-sources.js'
import { createSiteReloader } from '../reload/site-reloader.js'
import { draftAsComingVersion } from './draft-as-version.js'
import { previewPanel } from './preview-panel.js'

/** The panel's address on the preview server; the public server has no such page. */
export const panelPath = '/preview'

export interface Preview {
  readonly server: Server
  readonly url: string
  close(): Promise<void>
}

/**
 * `npm run preview`: the site with the draft shown as the coming version, rebuilt on every
 * save, and a panel with the checker's findings. It listens on this machine only and is a
 * process of its own, never part of the public server.
 */
export async function startPreview(options: {
  readonly config: Config
  /** Where to read from; with no `lastGood`: a preview never becomes anyone's last good content. */
  readonly sources: SiteSources
  readonly logger: Logger
  readonly port: number
  /** The coming version's effective date; tomorrow (or after the newest version) when not given. */
  readonly effective?: string
}): Promise<Preview> {
  const { config, sources, logger } = options
  const previewSources: SiteSources = {
    ...sources,
    preview: (read, now) => draftAsComingVersion(read, now, options.effective).sources,
  }
  // A draft that cannot be built yet still gets a preview: the live content, and the reasons.
  let startRejected: readonly string[] = []
  const builder = inThreadBuilder(config, previewSources)
  const initial = await builder.build(new Date()).catch(async (error: unknown) => {
    if (!(error instanceof ContentRejected)) throw error
    startRejected = error.errors.map(formatFinding)
    return buildSite(config, sources)
  })
  const reloader = createSiteReloader({
    config,
    builder,
    localesDir: sources.localesDir,
    initial,
    logger,
  })
  reloader.watch()

  const panel = () => {
    const read = readSources({ ...sources, siteConfigPath: config.siteConfigPath })
    const checked = checkSources(read, { mode: config.env, now: new Date() })
    const shown = draftAsComingVersion(read, new Date(), options.effective)
    const lastReload = reloader.readiness().lastReload
    const buildErrors = lastReload ? (lastReload.applied ? [] : lastReload.errors) : startRejected
    const rejected = shown.id ? buildErrors : checked.draftErrors.map(formatFinding)
    return previewPanel({
      languages: read.languages,
      inForce: reloader.current().notice.inForce,
      ...(shown.id && rejected.length === 0 ? { comingVersion: shown.id } : {}),
      findings: checked.findings,
      filesChecked: checked.filesChecked,
      rejected,
      lastReload,
    })
  }
  const deps = { config, current: reloader.current, logger }
  const site = createRequestHandler(deps, createApp(deps))
  const server = createHttpServer(
    (req, res) => {
      if (req.url !== panelPath || (req.method !== 'GET' && req.method !== 'HEAD')) {
        site(req, res)
        return
      }
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'",
        'X-Content-Type-Options': 'nosniff',
        'X-Robots-Tag': 'noindex',
        'Referrer-Policy': 'no-referrer',
      })
      res.end(req.method === 'HEAD' ? undefined : panel())
    },
    {},
    reloader.current,
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', resolve)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : options.port
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        void reloader.close()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

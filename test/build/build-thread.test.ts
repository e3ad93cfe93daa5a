import { copyFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type BuildThread, buildThread } from '../../src/build/build-thread.js'
import type { ServedSite } from '../../src/build/served-site.js'
import { defaultSources } from '../../src/build/site-sources.js'
import { loadConfig } from '../../src/config/environment.js'
import { quickCompression } from '../../src/prepare/prepared-response.js'
import { fixtureSiteConfig } from '../helpers/fixture-content.js'
import { copyLocales } from '../helpers/locale-copy.js'
import { addVersion2027 } from '../helpers/versions.js'

const threads: BuildThread[] = []
afterEach(async () => {
  await Promise.all(threads.splice(0).map((thread) => thread.close()))
})

const idleMs = 100

function threadOn(copy: ReturnType<typeof copyLocales>): BuildThread {
  const siteConfigPath = path.join(copy.dir, 'site.json')
  copyFileSync(fixtureSiteConfig, siteConfigPath)
  const { config } = loadConfig({ NODE_ENV: 'test', SITE_CONFIG: siteConfigPath })
  const sources = { ...defaultSources, localesDir: copy.dir, compression: quickCompression }
  const thread = buildThread({ config, sources }, idleMs)
  threads.push(thread)
  return thread
}

async function waitUntil(done: () => boolean, ms = 5000): Promise<void> {
  for (let waited = 0; waited < ms && !done(); waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const bodies = (site: ServedSite) =>
  site.responses.paths.map((urlPath) => [
    urlPath,
    site.responses.get(urlPath)?.response.representations.identity.body.toString('utf8'),
  ])

describe('the build thread', () => {
  it('stops when idle, giving its memory back, and builds the same site on a new thread', async () => {
    const thread = threadOn(copyLocales())
    const now = new Date('2026-06-01T12:00:00Z')
    const { site } = await thread.start(now)
    await waitUntil(() => !thread.running)
    expect(thread.running).toBe(false)

    const again = await thread.build(now)
    expect(bodies(again)).toEqual(bodies(site))
    // A version's moment on a new thread builds from the files: the same site again.
    expect(bodies(await thread.rebuildAt(now))).toEqual(bodies(site))
  })

  it('keeps its thread while a version is announced, for the switch', async () => {
    const copy = copyLocales()
    addVersion2027(copy)
    const thread = threadOn(copy)
    const { site } = await thread.start(new Date('2026-12-01T12:00:00Z'))
    expect(site.nextChangeAt?.toISOString()).toBe('2026-12-31T23:00:00.000Z')
    await new Promise((resolve) => setTimeout(resolve, idleMs * 5))
    expect(thread.running).toBe(true)
  })
})

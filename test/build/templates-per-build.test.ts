import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildSite, rebuildAt } from '../../src/build/build-site.js'
import { defaultSources } from '../../src/build/site-sources.js'
import { loadConfig } from '../../src/config/environment.js'
import { viewsDir } from '../../src/config/paths.js'
import { quickCompression } from '../../src/prepare/prepared-response.js'
import { fixtureLocalesDir, fixtureSiteConfig } from '../helpers/fixture-content.js'

const views = mkdtempSync(path.join(tmpdir(), 'views-'))
cpSync(viewsDir, views, { recursive: true })
afterAll(() => rmSync(views, { recursive: true, force: true }))

describe('templates belong to the build that read them', () => {
  it('renders an older build with its own partials, after a newer build changed one and it was deleted', async () => {
    const { config } = loadConfig({ NODE_ENV: 'test', SITE_CONFIG: fixtureSiteConfig })
    const sources = {
      ...defaultSources,
      localesDir: fixtureLocalesDir,
      viewsDir: views,
      compression: quickCompression,
    }
    const body = async (site: Awaited<ReturnType<typeof buildSite>>) =>
      site.responses.get('/nb/')?.response.representations.identity.body.toString('utf8') ?? ''
    const older = await buildSite(config, sources)
    const footer = path.join(views, 'partials', 'footer.ejs')
    writeFileSync(footer, `<p>a newer footer</p>\n${readFileSync(footer, 'utf8')}`)
    const newer = await buildSite(config, sources)
    expect(await body(newer)).toContain('a newer footer')
    rmSync(footer)
    const again = await rebuildAt(config, older, sources, new Date())
    expect(await body(again)).not.toContain('a newer footer')
    expect(await body(again)).toBe(await body(older))
  })
})

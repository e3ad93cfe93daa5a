import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportFileFor, exportSite } from '../../src/cli/static-export.js'
import { packageRoot } from '../../src/config/paths.js'
import { fixtureLocalesDir, fixtureSiteConfig } from '../helpers/fixture-content.js'
import { listen, rawRequest } from '../helpers/raw-http.js'
import { createTestSite, fixture, type TestSite } from '../helpers/test-site.js'

let site: TestSite
let outDir: string
let server: Awaited<ReturnType<typeof listen>>
beforeAll(async () => {
  site = await createTestSite()
  outDir = mkdtempSync(path.join(tmpdir(), 'export-'))
  await exportSite(site.site, outDir)
  server = await listen(site.app)
})
afterAll(() => server.server.close())

describe('the static export', () => {
  it.each([
    ['/nb/', 'nb/index.html'],
    ['/nb/cookies', 'nb/cookies.html'],
    ['/zh/contact', 'zh/contact.html'],
    ['/sitemap.xml', 'sitemap.xml'],
    ['/.well-known/security.txt', '.well-known/security.txt'],
    ['/assets/site.abc.css', 'assets/site.abc.css'],
  ])('lays out %s as %s', (urlPath, file) => {
    expect(exportFileFor(urlPath)).toBe(file)
  })

  it('holds exactly the bytes the server sends, in every encoding', async () => {
    const paths = site.site.responses.paths
    expect(paths.length).toBeGreaterThan(12)
    for (const urlPath of paths) {
      const file = path.join(outDir, exportFileFor(urlPath))
      for (const [encoding, suffix] of [
        ['identity', ''],
        ['br', '.br'],
        ['gzip', '.gz'],
      ] as const) {
        const sent = await rawRequest(server.port, {
          path: urlPath,
          headers: { 'Accept-Encoding': encoding },
        })
        const compressed = sent.headers['content-encoding'] !== undefined
        if (suffix && !compressed) continue
        expect(readFileSync(`${file}${suffix}`).equals(sent.body), `${urlPath} ${encoding}`).toBe(
          true,
        )
      }
    }
  })

  it('has a 404 page for each language and a way in at /', () => {
    for (const lng of ['nb', 'en', 'zh']) {
      expect(readFileSync(path.join(outDir, lng, '404.html'), 'utf8')).toContain(
        `lang="${lng === 'zh' ? 'zh-Hans' : lng}"`,
      )
    }
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('url=/nb/')
  })
})

describe('a site with cookie choices', () => {
  it('is not exported: a static host could not store the choice', async () => {
    const choices = await createTestSite({
      env: { SITE_CONFIG: fixture('site-optional-cookies.json') },
    })
    await expect(
      exportSite(choices.site, mkdtempSync(path.join(tmpdir(), 'export-choices-'))),
    ).rejects.toThrow('a static host cannot store cookie choices')
  })
})

describe('npm run export', () => {
  const exportTo = (out: string) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/export.ts', '--out', out, '--locales', fixtureLocalesDir],
      {
        cwd: packageRoot,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, SITE_CONFIG: fixtureSiteConfig },
      },
    )

  it('writes the site and can write over its own earlier export', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'export-cli-')), 'site')
    expect(exportTo(out).status).toBe(0)
    expect(existsSync(path.join(out, 'nb', 'index.html.br'))).toBe(true)
    const again = exportTo(out)
    expect(again.status).toBe(0)
    expect(again.stdout).toContain('Exported')
  })

  it('refuses a folder that holds other files', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'export-busy-'))
    writeFileSync(path.join(out, 'precious.txt'), 'keep me')
    const result = exportTo(out)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('is a folder with other files in it')
    expect(readFileSync(path.join(out, 'precious.txt'), 'utf8')).toBe('keep me')
  })
})

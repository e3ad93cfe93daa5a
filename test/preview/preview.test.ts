import { spawnSync } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import path from 'node:path'
import request from 'supertest'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultSources } from '../../src/build/site-sources.js'
import { loadConfig } from '../../src/config/environment.js'
import { packageRoot } from '../../src/config/paths.js'
import { createMemoryLogger } from '../../src/log/logger.js'
import { quickCompression } from '../../src/prepare/prepared-response.js'
import { comingEffective } from '../../src/preview/draft-as-version.js'
import { type Preview, panelPath, startPreview } from '../../src/preview/preview-server.js'
import { fixtureSiteConfig } from '../helpers/fixture-content.js'
import { parse, visibleText } from '../helpers/html.js'
import { copyLocales } from '../helpers/locale-copy.js'
import { createTestSite } from '../helpers/test-site.js'

const previews: Preview[] = []
afterEach(async () => {
  for (const preview of previews.splice(0)) await preview.close()
})

const changed: Record<string, string> = {
  nb: 'Vi lagrer opplysningene dine i Norge.',
  en: 'We store your data in Norway.',
  zh: '我们在挪威存储您的数据。',
}

/** A preview of a copy of the test content, its draft changed in every language. */
async function previewOf(edit: (copy: ReturnType<typeof copyLocales>) => void) {
  const copy = copyLocales()
  edit(copy)
  const siteConfigPath = path.join(copy.dir, 'site.json')
  copyFileSync(fixtureSiteConfig, siteConfigPath)
  const { config } = loadConfig({ NODE_ENV: 'test', SITE_CONFIG: siteConfigPath })
  const preview = await startPreview({
    config,
    sources: { ...defaultSources, localesDir: copy.dir, compression: quickCompression },
    logger: createMemoryLogger(),
    port: 0,
    effective: '2099-01-01',
  })
  previews.push(preview)
  const page = async (urlPath: string) =>
    parse((await request(preview.url).get(urlPath).expect(200)).text)
  return { copy, preview, page }
}

const addSentence = (copy: ReturnType<typeof copyLocales>) => {
  for (const [lng, sentence] of Object.entries(changed)) {
    copy.edit(`${lng}/draft.json`, (json) => {
      json.sections.security.paragraphs.push(sentence)
    })
  }
}

describe('npm run preview', () => {
  it('shows the draft as the coming version in every language: the notice, the announcement and the comparison', async () => {
    const { preview, page } = await previewOf(addSentence)
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    for (const [lng, sentence] of Object.entries(changed)) {
      const coming = await page(`/${lng}/versions/2099-01-01`)
      expect(visibleText(coming, '#security')).toContain(sentence)
      const front = await page(`/${lng}/`)
      expect(front('main .announcement a[href*="2099-01-01"]')).toHaveLength(1)
      // The notice in force is unchanged until the version takes effect.
      expect(visibleText(front, '#security')).not.toContain(sentence)
      const comparison = await page(`/${lng}/versions/2024/compare/2099-01-01`)
      expect(comparison('ins').text()).toContain(sentence.slice(0, 6))
    }
  })

  it('lists the checker findings on its panel, each at file:line:column, and links every language', async () => {
    const { page } = await previewOf(addSentence)
    const panel = await page(panelPath)
    expect(panel('h1').text()).toBe('Preview: the draft as version 2099-01-01')
    expect(panel('a[href="/en/versions/2099-01-01"]')).toHaveLength(1)
    expect(panel('a[href="/zh/versions/2024/compare/2099-01-01"]')).toHaveLength(1)
    const findings = panel('#findings ~ ol li, #findings + p + ol li')
      .map((_i, item) => panel(item).text())
      .get()
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /nb\/draft\.json:\d+:\d+ {2}warning {2}this text differs from the published version 2024/,
        ),
      ]),
    )
  })

  it('still serves with a draft that has an error, shows the live content and says why', async () => {
    const { page } = await previewOf((copy) => copy.write('en/draft.json', '{ "sections": '))
    const panel = await page(panelPath)
    expect(panel('h1').text()).toBe('Preview: the draft cannot be shown yet')
    expect(visibleText(panel, 'main')).toMatch(/en\/draft\.json:1:\d+ +error +JSON syntax/)
    expect(await page('/nb/')).toBeTruthy()
  })

  it('follows a save: the panel and the pages show the draft as saved', async () => {
    const { copy, page } = await previewOf(() => undefined)
    addSentence(copy)
    let coming = ''
    for (let waited = 0; waited < 5000 && !coming.includes(changed.nb ?? '-'); waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      coming = visibleText(await page('/nb/versions/2099-01-01'), '#security')
    }
    expect(coming).toContain(changed.nb)
  })

  it('is no part of the public server: it has no panel', async () => {
    const { app } = await createTestSite()
    await request(app).get(panelPath).expect(404)
  })

  it('shows the draft, when no date is named, as taking effect tomorrow or after the newest version', () => {
    expect(comingEffective('2026-12-02', '2024')).toBe('2026-12-03')
    expect(comingEffective('2026-12-31', '2024-06')).toBe('2027-01-01')
    expect(comingEffective('2026-12-02', '2027')).toBe('2027-01-02')
    expect(comingEffective('2026-12-02', undefined)).toBe('2026-12-03')
  })

  it.each([
    [
      ['--effective', '2027-13'],
      '--effective 2027-13 must be a year (2027), a month (2027-01) or a day (2027-01-01)',
    ],
    [['--port', '80a'], '--port 80a must be a whole number from 1 to 65535'],
    [['--colour'], "Unknown option '--colour'"],
  ])('refuses %j, says why, and serves nothing', (args, message) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/preview.ts', ...args], {
      cwd: packageRoot,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
      timeout: 20_000,
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`Cannot start the preview: ${message}`)
    expect(result.stdout).not.toContain('Preview: http')
  })
})

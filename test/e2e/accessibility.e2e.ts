import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/config/paths.js'
import { fixture } from '../helpers/test-site.js'
import { beforeVersion2027, versionedLocales, versionPagePaths } from '../helpers/versions.js'
import { browserAvailable, launchBrowser } from './browser.js'
import { pagePaths, type RunningSite, shippedPagePaths, startSite } from './site-server.js'

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)
const screenshots = path.join(packageRoot, 'test-results', 'screenshots')
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

describe.skipIf(!browserAvailable())('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
  let browser: Browser
  const sites: Record<string, RunningSite> = {}
  let localesWithVersions: string | undefined
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true })
    browser = await launchBrowser()
    sites.shipped = await startSite({}, { shipped: true })
    // The example inventory has an optional category: banner and form on every page.
    sites.choices = await startSite({ SITE_CONFIG: fixture('site-optional-cookies.json') })
    // A second version announced: the version pages, the comparison and the announcement.
    localesWithVersions = versionedLocales()
    sites.versions = await startSite(
      {},
      { localesDir: localesWithVersions, now: beforeVersion2027 },
    )
  })
  afterAll(async () => {
    await browser?.close()
    for (const site of Object.values(sites)) await site.close()
    if (localesWithVersions) rmSync(localesWithVersions, { recursive: true, force: true })
  })

  const variants = [
    ['shipped', shippedPagePaths],
    ['choices', pagePaths],
    ['versions', versionPagePaths],
  ] as const
  const cases = variants.flatMap(([variant, paths]) =>
    paths.flatMap((urlPath) =>
      [320, 768, 1280].flatMap((width) =>
        (['light', 'dark'] as const).map((scheme) => ({ variant, urlPath, width, scheme })),
      ),
    ),
  )

  it.each(cases)(
    '$variant $urlPath at $width px, $scheme: no violations',
    async ({ variant, urlPath, width, scheme }) => {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        colorScheme: scheme,
      })
      try {
        const page = await context.newPage()
        const response = await page.goto(`${sites[variant]?.origin}${urlPath}`)
        expect(response?.status()).toBe(200)
        const results = await new AxeBuilder({ page, axeSource }).withTags(wcag).analyze()
        const violations = results.violations.map((violation) => ({
          rule: violation.id,
          impact: violation.impact,
          targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
        }))
        expect(violations).toEqual([])
        const name = `${variant}${urlPath.replaceAll('/', '_')}-${width}-${scheme}.png`
        await page.screenshot({ path: path.join(screenshots, name), fullPage: true })
        // Nothing wider than the screen: no sideways scrolling at 320 px.
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        )
        expect(overflow).toBeLessThanOrEqual(0)
      } finally {
        await context.close()
      }
    },
  )
})

import { describe, expect, it } from 'vitest'
import { renderSite } from '../../src/render/render-site.js'
import { timeSlicer } from '../../src/render/time-slice.js'
import { createTestSite, testBaseUrl } from '../helpers/test-site.js'

describe('a build on the thread that answers requests', () => {
  it('renders page by page, and offers waiting requests a turn before each page', async () => {
    const { site } = await createTestSite()
    const turns: number[] = []
    let pagesBefore = 0
    const rendered = await renderSite(site.content, site.renderer, site.assets, {
      baseUrl: testBaseUrl,
      now: new Date(),
      slice: async () => {
        turns.push(pagesBefore++)
      },
    })
    expect(turns).toHaveLength(rendered.pages.length)
    expect(rendered.pages.length).toBeGreaterThan(site.content.languages.length)
  })

  it('lets a timer run once the build has held the thread for its slice', async () => {
    const slice = timeSlicer(5)
    let timerRan = false
    setImmediate(() => {
      timerRan = true
    })
    const until = performance.now() + 10
    while (performance.now() < until) {
      // Work that holds the thread past the slice.
    }
    await slice()
    expect(timerRan).toBe(true)
  })

  it('keeps the thread while the slice lasts', async () => {
    const slice = timeSlicer(60_000)
    let timerRan = false
    setImmediate(() => {
      timerRan = true
    })
    await slice()
    expect(timerRan).toBe(false)
  })
})

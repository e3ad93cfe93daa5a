import { describe, expect, it } from 'vitest'
import { siteInForce } from '../../src/reload/site-in-force.js'
import { createTestSite } from '../helpers/test-site.js'

describe('the record of what is served', () => {
  it('still names a file saved again while a build of its earlier save ran', async () => {
    const { site } = await createTestSite()
    const served = siteInForce(site)
    served.saw(['locales/nb/cookies.json'])
    const read = served.pendingSaves() // a build starts, and reads this save
    served.saw(['locales/nb/cookies.json', 'locales/nb/contact.json']) // saved again meanwhile
    served.swap(site, new Date().toISOString(), 'test', read)
    expect(served.readiness().changedSince).toEqual([
      'locales/nb/cookies.json',
      'locales/nb/contact.json',
    ])
    served.swap(site, new Date().toISOString(), 'test', served.pendingSaves())
    expect(served.readiness().changedSince).toEqual([])
  })
})

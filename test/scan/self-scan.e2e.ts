import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable } from '../e2e/browser.js'
import { type RunningSite, startSite } from '../e2e/site-server.js'
import { fixture } from '../helpers/test-site.js'
import { runScan } from './run-scan.js'

interface Report {
  site: {
    states: { state: string; cookies: { name: string }[]; thirdPartyRequests: { url: string }[] }[]
  }
  findings: { kind: string; subject: string }[]
}
const out = mkdtempSync(path.join(tmpdir(), 'self-scan-'))
const read = (file: string): Report[] => JSON.parse(readFileSync(file, 'utf8'))

describe.skipIf(!browserAvailable())('the site scans itself', () => {
  let shipped: RunningSite
  let choices: RunningSite
  beforeAll(async () => {
    shipped = await startSite({}, { shipped: true })
    choices = await startSite({ SITE_CONFIG: fixture('site-optional-cookies.json') })
  })
  afterAll(async () => {
    await shipped?.close()
    await choices?.close()
  })

  it('the shipped configuration stores nothing in any state and exits 0', async () => {
    const json = path.join(out, 'shipped.json')
    const run = await runScan([`${shipped.origin}/nb/`, '--pages', '4', '--json', json])
    expect(run.stdout).toContain('everything matches the inventory')
    expect(run.code).toBe(0)
    const [report] = read(json)
    for (const state of report?.site.states ?? []) {
      expect(state.cookies, state.state).toEqual([])
      expect(state.thirdPartyRequests, state.state).toEqual([])
    }
    expect(report?.site.states.map((s) => s.state)).toEqual(['before', 'rejected', 'accepted'])
  })

  it('with optional cookies: the consent cookie only after a choice, the script only after yes', async () => {
    const json = path.join(out, 'choices.json')
    const env = { SITE_CONFIG: fixture('site-optional-cookies.json') }
    const run = await runScan([`${choices.origin}/nb/`, '--json', json], env)
    const [report] = read(json)
    const state = (name: string) => report?.site.states.find((s) => s.state === name)
    expect(state('before')?.cookies).toEqual([])
    expect(state('rejected')?.cookies.map((c) => c.name)).toEqual(['consent'])
    expect(state('accepted')?.cookies.map((c) => c.name)).toEqual(['consent'])
    const config = JSON.parse(readFileSync(fixture('site-optional-cookies.json'), 'utf8'))
    const scripts: string[] = config.cookieInventory.flatMap(
      (c: { scripts: string[] }) => c.scripts,
    )
    expect(state('before')?.thirdPartyRequests).toEqual([])
    expect(state('rejected')?.thirdPartyRequests).toEqual([])
    expect([...new Set(state('accepted')?.thirdPartyRequests.map((r) => r.url))]).toEqual(scripts)
    // The example provider does not exist, so its cookie is never set: the one finding.
    expect(report?.findings).toEqual([
      { kind: 'never seen', subject: 'cookie _pk_id', detail: 'in no state' },
    ])
    expect(run.code).toBe(1)
  })
})

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable } from '../e2e/browser.js'
import { type CookieFaultSite, startCookieFaultSite } from '../helpers/cookie-fault-site.js'
import { fixture } from '../helpers/test-site.js'
import { runScan } from './run-scan.js'

interface Finding {
  kind: string
  subject: string
  detail: string
}
interface Cookie {
  name: string
  party: string
  setBy: string
}
const out = mkdtempSync(path.join(tmpdir(), 'scan-faults-'))

describe.skipIf(!browserAvailable())('a scan of a site with planted faults', () => {
  let shop: CookieFaultSite
  let findings: Finding[]
  let cookies: Cookie[]
  let code: number
  const env = { SITE_CONFIG: path.join(out, 'site.json') }
  beforeAll(async () => {
    shop = await startCookieFaultSite()
    // The fixture's inventory, with the addresses this run's ports make.
    const config = JSON.parse(readFileSync(fixture('site-scan-faults.json'), 'utf8'))
    config.otherSites[0].origin = shop.origin
    for (const entry of config.cookieInventory)
      entry.scripts = entry.scripts?.map((url: string) =>
        url.replace(/^https:\/\/[^/]+/, shop.thirdParty),
      )
    writeFileSync(env.SITE_CONFIG, JSON.stringify(config))
    const json = path.join(out, 'report.json')
    const html = path.join(out, 'report.html')
    const run = await runScan(
      [
        `${shop.origin}/`,
        '--pages',
        '3',
        '--json',
        json,
        '--html',
        html,
        '--propose',
        path.join(out, 'drafts.json'),
        '--accept-invalid-certificates',
      ],
      env,
    )
    code = run.code
    const [report] = JSON.parse(readFileSync(json, 'utf8'))
    findings = report.findings
    cookies = report.site.states.flatMap((s: { cookies: Cookie[] }) => s.cookies)
  })
  afterAll(async () => {
    await shop?.close()
  })

  const subjects = (kind: string) =>
    findings
      .filter((f) => f.kind === kind)
      .map((f) => f.subject)
      .sort()

  it('exits 1 and reports each planted fault, and nothing else', () => {
    expect(code).toBe(1)
    expect(subjects('before consent')).toEqual(['cookie early'])
    expect(subjects('after refusal')).toEqual(['cookie early', 'cookie survivor'])
    expect(subjects('longer than declared')).toEqual(['cookie longlived'])
    expect(subjects('undeclared')).toEqual(['cookie widget_extra', 'localStorage visitor_ls'])
    expect(subjects('never seen')).toEqual(['cookie ghost'])
    expect(subjects('undeclared request')).toEqual([`${shop.thirdParty}/pixel.gif`])
    expect(findings).toHaveLength(8)
  })

  it('reports none of the correct entries', () => {
    const named = findings.map((f) => f.subject)
    for (const name of ['choice', 'prefs', 'widget_srv', 'widget_id'])
      expect(named).not.toContain(`cookie ${name}`)
  })

  it('names what set each cookie, and whether it is third-party', () => {
    const cookie = (name: string) => cookies.find((c) => c.name === name)
    expect(cookie('widget_extra')).toMatchObject({
      setBy: `${shop.thirdParty}/widget.js`,
      party: 'third',
    })
    expect(cookie('widget_srv')).toMatchObject({
      setBy: `${shop.thirdParty}/widget.js`,
      party: 'third',
    })
    expect(cookie('early')).toMatchObject({ party: 'first' })
    expect(cookie('choice')?.setBy).toBe(`${shop.origin}/choice`)
  })

  it('writes an HTML report without script, its stylesheet beside it, and drafts with empty purposes', () => {
    const html = readFileSync(path.join(out, 'report.html'), 'utf8')
    expect(html).not.toContain('<script')
    expect(html).toContain('<link rel="stylesheet" href="report.css">')
    expect(readFileSync(path.join(out, 'report.css'), 'utf8')).toContain('table')
    const drafts = JSON.parse(readFileSync(path.join(out, 'drafts.json'), 'utf8'))
    expect(drafts.map((d: { name: string }) => d.name).sort()).toEqual([
      'visitor_ls',
      'widget_extra',
    ])
    expect(drafts[0].purpose).toEqual({ nb: '', en: '', zh: '' })
  })

  it('exits 2 with why when a site cannot be reached or its banner has no such control', async () => {
    const down = await runScan(['http://127.0.0.1:1/'], env)
    expect(down.code).toBe(2)
    expect(down.stdout).toContain('could not be scanned: http://127.0.0.1:1/ could not be reached')
    const config = JSON.parse(readFileSync(env.SITE_CONFIG, 'utf8'))
    config.otherSites[0].reject = '#no-such-button'
    writeFileSync(path.join(out, 'wrong.json'), JSON.stringify(config))
    const wrong = await runScan([`${shop.origin}/`, '--accept-invalid-certificates'], {
      SITE_CONFIG: path.join(out, 'wrong.json'),
    })
    expect(wrong.code).toBe(2)
    expect(wrong.stdout).toContain('could not choose: no control matches "#no-such-button"')
  })

  it('exits 2 on a certificate the browser does not trust, unless told to accept it', async () => {
    const strict = await runScan([`${shop.origin}/`], env)
    expect(strict.code).toBe(2)
    expect(strict.stdout).toContain(`could not be scanned: ${shop.origin}/ could not be reached`)
    expect(strict.stdout).toMatch(/certificate/i)
  })

  it.each([
    [['--pages', 'ten', 'http://127.0.0.1:1/'], '--pages "ten" must be a whole number'],
    [['file:///etc/passwd'], 'is not an http:// or https:// address'],
    [[], 'give at least one address'],
    [['--colour', 'http://127.0.0.1:1/'], "Unknown option '--colour'"],
  ])('refuses %j with exit 2 and a message', async (args, message) => {
    const run = await runScan(args, env)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
  })
})

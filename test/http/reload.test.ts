import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import request from 'supertest'
import { afterEach, describe, expect, it, onTestFinished } from 'vitest'
import { createApp } from '../../src/app.js'
import { buildSite } from '../../src/build/build-site.js'
import { buildThread } from '../../src/build/build-thread.js'
import { defaultSources } from '../../src/build/site-sources.js'
import { loadConfig } from '../../src/config/environment.js'
import { createRequestHandler } from '../../src/http/request-handler.js'
import { createMemoryLogger } from '../../src/log/logger.js'
import { quickCompression } from '../../src/prepare/prepared-response.js'
import { createSiteReloader, type SiteReloader } from '../../src/reload/site-reloader.js'
import { fixtureLocalesDir, fixtureSiteConfig } from '../helpers/fixture-content.js'
import { parse, visibleText } from '../helpers/html.js'
import { copyLocales } from '../helpers/locale-copy.js'
import { saves } from '../helpers/saves.js'
import { addVersion2027 } from '../helpers/versions.js'

const reloaders: SiteReloader[] = []
afterEach(async () => {
  await Promise.all(reloaders.splice(0).map((reloader) => reloader.close()))
})

/** A running site on throwaway copies of the locale files and the site configuration. */
async function reloadableSite(
  options: {
    clock?: () => Date
    prepare?: (copy: ReturnType<typeof copyLocales>) => void
    env?: NodeJS.ProcessEnv
    heapMb?: number
  } = {},
) {
  const copy = copyLocales()
  options.prepare?.(copy)
  const clock = options.clock ?? (() => new Date())
  const siteConfigPath = path.join(copy.dir, 'site.json')
  copyFileSync(fixtureSiteConfig, siteConfigPath)
  const { config } = loadConfig({ NODE_ENV: 'test', SITE_CONFIG: siteConfigPath, ...options.env })
  const sources = { ...defaultSources, localesDir: copy.dir, compression: quickCompression }
  const logger = createMemoryLogger()
  // The server's way: every build on the build thread.
  const builder = buildThread({
    config,
    sources,
    ...(options.heapMb ? { heapMb: options.heapMb } : {}),
  })
  const reloader = createSiteReloader({
    config,
    builder,
    localesDir: copy.dir,
    initial: (await builder.start(clock())).site,
    logger,
    clock,
  })
  reloaders.push(reloader)
  const deps = { config, current: reloader.current, readiness: reloader.readiness, logger }
  const app = createRequestHandler(deps, createApp(deps))
  const page = async (urlPath = '/nb/') => parse((await request(app).get(urlPath).expect(200)).text)
  return { copy, siteConfigPath, reloader, app, page, logger }
}

/** How long a save may take to be served: a rebuild takes seconds on a busy machine. */
const reloadDeadlineMs = 30_000

// Each test waits for rebuilds, which take seconds when other test runs share the cores.
describe('reloading content', { timeout: 90_000 }, () => {
  it('switches to an announced version at midnight in Oslo, without a restart, though a file being edited is broken', async () => {
    // A clock that stands still 200 ms before midnight: the timer fires, finds it is not yet
    // time and waits again, until the test moves the clock on.
    const midnight = new Date('2026-12-31T23:00:00.000Z')
    let now = new Date(midnight.getTime() - 200)
    const site = await reloadableSite({ clock: () => now, prepare: addVersion2027 })
    expect(site.reloader.nextChangeAt()?.toISOString()).toBe('2026-12-31T23:00:00.000Z')
    expect((await request(site.app).get('/readyz')).body.notice).toEqual({
      inForce: '2024',
      next: { version: '2027-01-01', takesEffect: '2026-12-31T23:00:00.000Z' },
    })
    const announced = await site.page()
    expect(announced('main .announcement')).toHaveLength(1)
    expect(announced('#retention')).toHaveLength(0)
    // A translator's half-saved draft must not hold back the version the pages announced.
    site.copy.write('en/draft.json', '{ "sections": ')
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect((await site.page())('#retention')).toHaveLength(0)

    now = midnight
    let switched = await site.page()
    for (
      let waited = 0;
      waited < reloadDeadlineMs && switched('#retention').length === 0;
      waited += 50
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      switched = await site.page()
    }
    expect(visibleText(switched, '#retention h2')).toBe('Hvor lenge vi lagrer')
    expect(switched('main .announcement')).toHaveLength(0)
    expect(site.reloader.nextChangeAt()).toBeUndefined()
    const ready = (await request(site.app).get('/readyz')).body
    expect(ready.notice).toEqual({ inForce: '2027-01-01', next: null })
    expect(ready.lastReload).toMatchObject({
      applied: true,
      reason: 'a new version of the notice takes effect',
    })
    expect(site.logger.lines).toContainEqual({
      level: 'info',
      message: 'content reloaded',
      fields: { reason: 'a new version of the notice takes effect', inForce: '2027-01-01' },
    })
  })

  it('applies a changed paragraph, and a new phone number from the site configuration', async () => {
    const site = await reloadableSite()
    site.copy.editNotice('nb', (json) => {
      json.sections.security.paragraphs[1] = 'Vi har skrevet om dette avsnittet.'
    })
    const config = JSON.parse(readFileSync(site.siteConfigPath, 'utf8'))
    config.contact.phone = '+47 22 00 00 00'
    writeFileSync(site.siteConfigPath, JSON.stringify(config))
    expect(await site.reloader.reload('test')).toBe(true)
    const $ = await site.page()
    expect($('#security p:not(.back-to-contents)').last().text()).toBe(
      'Vi har skrevet om dette avsnittet.',
    )
    expect($('main address a[href="tel:+4722000000"]').text()).toBe('+47 22 00 00 00')
  })

  it('gives exactly the pages a fresh start gives: a removed section disappears', async () => {
    const site = await reloadableSite()
    site.copy.edit('sections.json', (json) => {
      json.policy = json.policy.filter((id: string) => id !== 'transfers')
    })
    for (const lng of ['nb', 'en', 'zh']) {
      site.copy.editNotice(lng, (json) => {
        delete json.sections.transfers
      })
    }
    expect(await site.reloader.reload('test')).toBe(true)
    const $ = await site.page()
    expect($('#transfers')).toHaveLength(0)
    expect($('nav.toc a[href="#transfers"]')).toHaveLength(0)
    const fresh = await buildSite(
      loadConfig({ NODE_ENV: 'test', SITE_CONFIG: site.siteConfigPath }).config,
      {
        ...defaultSources,
        localesDir: site.copy.dir,
        compression: quickCompression,
      },
    )
    for (const urlPath of fresh.responses.paths.filter((p) => !p.includes('security.txt'))) {
      const served = site.reloader.current().responses.get(urlPath)?.response.representations
        .identity.body
      expect(
        served?.equals(
          fresh.responses.get(urlPath)?.response.representations.identity.body ?? Buffer.alloc(0),
        ),
        urlPath,
      ).toBe(true)
    }
  })

  it('keeps serving the last good content when the checker rejects a change, says why, and applies the fix', async () => {
    const site = await reloadableSite()
    const before = visibleText(await site.page())
    site.copy.write('nb/cookies.json', '{ "meta": { "title": "Informasjonskapsler", } }')
    expect(await site.reloader.reload('test')).toBe(false)
    expect(visibleText(await site.page())).toBe(before)
    const ready = await request(site.app).get('/readyz').expect(200)
    expect(ready.headers['cache-control']).toBe('no-store')
    expect(ready.body.lastReload).toMatchObject({ applied: false, reason: 'test' })
    expect(ready.body.lastReload.errors[0]).toMatch(
      /nb\/cookies\.json:1:\d+ {2}error {2}JSON syntax: /,
    )
    expect(
      site.logger.lines.some(
        (line) => line.level === 'error' && line.message.startsWith('content reload rejected'),
      ),
    ).toBe(true)

    const original = readFileSync(path.join(fixtureLocalesDir, 'nb', 'cookies.json'), 'utf8')
    site.copy.write(
      'nb/cookies.json',
      original.replace('"heading": "Informasjonskapsler"', '"heading": "Om informasjonskapsler"'),
    )
    expect(await site.reloader.reload('test')).toBe(true)
    expect((await site.page('/nb/cookies'))('h1').text()).toBe('Om informasjonskapsler')
    expect((await request(site.app).get('/readyz')).body.lastReload).toMatchObject({
      applied: true,
      errors: [],
    })
  })

  it('refuses a build that runs out of memory, keeps serving, and builds the fix on a new thread', async () => {
    // A build thread with a small heap, and a text far beyond anything real: the thread stops.
    const site = await reloadableSite({ heapMb: 64 })
    const before = visibleText(await site.page('/nb/contact'))
    const original = readFileSync(path.join(site.copy.dir, 'nb', 'contact.json'), 'utf8')
    site.copy.edit('nb/contact.json', (json) => {
      json.meta.description = 'Kontakt oss. '.repeat(5_000_000)
    })
    expect(await site.reloader.reload('test')).toBe(false)
    expect(visibleText(await site.page('/nb/contact'))).toBe(before)
    expect((await request(site.app).get('/readyz')).body.lastReload.errors).toEqual([
      'the build needed more than 64 MB and was stopped: a text may be far too long (npm run check)',
    ])

    site.copy.write(
      'nb/contact.json',
      original.replace(/"heading": "[^"]*"/, '"heading": "Skriv til oss"'),
    )
    expect(await site.reloader.reload('test')).toBe(true)
    expect((await site.page('/nb/contact'))('h1').text()).toBe('Skriv til oss')
  })

  it("picks up an editor's atomic save within about a second, by watching the folder", async () => {
    const site = await reloadableSite()
    site.reloader.watch()
    const file = path.join(site.copy.dir, 'nb', 'contact.json')
    const json = JSON.parse(readFileSync(file, 'utf8'))
    json.heading = 'Skriv til oss'
    writeFileSync(`${file}.tmp`, JSON.stringify(json, null, 2))
    renameSync(`${file}.tmp`, file)
    const started = Date.now()
    let heading = ''
    while (Date.now() - started < reloadDeadlineMs) {
      heading = (await site.page('/nb/contact'))('h1').text()
      if (heading === 'Skriv til oss') break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(heading).toBe('Skriv til oss')
  })

  it.each(saves)('sees a save made by %s, and the in-place save after it', async (_how, save) => {
    const site = await reloadableSite()
    site.reloader.watch()
    const file = path.join(site.copy.dir, 'nb', 'contact.json')
    const withHeading = (heading: string) => {
      const json = JSON.parse(readFileSync(file, 'utf8'))
      json.heading = heading
      return JSON.stringify(json, null, 2)
    }
    const served = async (heading: string) => {
      const started = Date.now()
      let shown = ''
      while (Date.now() - started < reloadDeadlineMs && shown !== heading) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        shown = (await site.page('/nb/contact'))('h1').text()
      }
      return shown
    }
    save(file, withHeading('Skriv til oss'))
    expect(await served('Skriv til oss')).toBe('Skriv til oss')
    writeFileSync(file, withHeading('Kontakt oss nå'))
    expect(await served('Kontakt oss nå')).toBe('Kontakt oss nå')
    expect(site.reloader.readiness().lastReload).toMatchObject({ applied: true })
    expect(site.reloader.readiness().lastReload?.reason).toMatch(/^changed \S+\/nb\/contact\.json$/)
    expect(site.reloader.readiness().changedSince).toEqual([])
  })

  it('never lets a request see a half-loaded state while files flip between valid and invalid', async () => {
    const site = await reloadableSite()
    const file = path.join(site.copy.dir, 'nb', 'policy.json')
    const valid = readFileSync(file, 'utf8')
    const changed = valid.replace(
      '"heading": "Personvernerklæring"',
      '"heading": "Personvernerklæring (ny)"',
    )
    const broken = valid.replace('"toc": {', '"toc": {,')
    const bodies = new Set<string>()
    const versions = [valid, changed]
    for (const version of versions) {
      writeFileSync(file, version)
      expect(await site.reloader.reload('test')).toBe(true)
      bodies.add((await request(site.app).get('/nb/')).text)
    }
    let stop = false
    let ended = false
    onTestFinished(() => {
      ended = true
    })
    const flipping = (async () => {
      // Every transition (good → broken → good) four times over; a build gives the requests
      // their turns, so under this flood each takes a while.
      for (let round = 0; round < 16 && !ended; round++) {
        writeFileSync(file, [valid, broken, changed, broken][round % 4] ?? valid)
        await site.reloader.reload(`flip ${round}`)
      }
      stop = true
    })()
    let checked = 0
    while (!stop) {
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => request(site.app).get('/nb/')),
      )
      for (const response of responses) {
        expect(response.status).toBe(200)
        expect(bodies.has(response.text)).toBe(true)
        checked++
      }
    }
    await flipping
    expect(checked).toBeGreaterThan(20)
  }, 60_000)

  it('applies an urgent change while the notice being written has an error, and names the error', async () => {
    const site = await reloadableSite()
    // A new section, in Norwegian only and not yet in the order: the draft is unfinished.
    site.copy.edit('nb/draft.json', (json) => {
      json.sections.retention = { heading: 'Lagring', paragraphs: ['Vi lagrer i tre år.'] }
    })
    const siteConfig = JSON.parse(readFileSync(site.siteConfigPath, 'utf8'))
    siteConfig.contact.email = 'personvern@firma.no'
    writeFileSync(site.siteConfigPath, JSON.stringify(siteConfig, null, 2))
    expect(await site.reloader.reload('test')).toBe(true)
    expect((await site.page('/nb/contact'))('a[href^="mailto:"]').first().text()).toBe(
      'personvern@firma.no',
    )
    expect((await site.page())('#retention')).toHaveLength(0)
    const ready = (await request(site.app).get('/readyz').expect(200)).body
    expect(ready.lastReload).toMatchObject({ applied: true, errors: [] })
    expect(ready.draftErrors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /nb\/draft\.json:\d+:\d+ {2}error {2}section "retention" is not in locales\/sections\.json/,
        ),
        expect.stringMatching(
          /en\/draft\.json:\d+:\d+ {2}error {2}"sections\.retention\.heading" is missing/,
        ),
      ]),
    )
    expect(
      site.logger.lines.some(
        (line) => line.level === 'warn' && line.message.startsWith('the notice being written'),
      ),
    ).toBe(true)
  })

  it('names in /readyz the files saved since the content served, and the first error that kept them out', async () => {
    const site = await reloadableSite({ env: { TRUST_PROXY_HOPS: '1' } })
    site.reloader.watch()
    const file = path.join(site.copy.dir, 'nb', 'cookies.json')
    writeFileSync(file, '{ "meta": { "title": "Informasjonskapsler", } }')
    let ready = site.reloader.readiness()
    for (
      let waited = 0;
      waited < reloadDeadlineMs && ready.lastReload?.applied !== false;
      waited += 50
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      ready = site.reloader.readiness()
    }
    const local = (await request(site.app).get('/readyz').expect(200)).body
    expect(local.changedSince).toEqual([file])
    expect(local.lastReload.errors[0]).toMatch(/nb\/cookies\.json:1:\d+ {2}error {2}JSON syntax/)

    // Anyone else sees whether the site serves, and what, but no file and no finding.
    const remote = await request(site.app)
      .get('/readyz')
      .set('X-Forwarded-For', '203.0.113.9')
      .expect(200)
    expect(remote.body).toEqual({
      status: 'ready',
      contentLoadedAt: local.contentLoadedAt,
      notice: local.notice,
      lastReload: { at: local.lastReload.at, applied: false },
    })
    expect(remote.text).not.toContain('cookies.json')
    // Nor does a client that says it is this machine: only what comes straight over loopback.
    const spoofed = await request(site.app)
      .get('/readyz')
      .set('X-Forwarded-For', '127.0.0.1')
      .expect(200)
    expect(spoofed.body).toEqual(remote.body)
  })

  it('runs a storm of reload requests as one or two builds, each request answered', async () => {
    const site = await reloadableSite()
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, index) => site.reloader.reload(`SIGHUP ${index}`)),
    )
    expect(results.every((applied) => applied)).toBe(true)
    const builds = site.logger.lines.filter((line) => line.message === 'content reloaded')
    expect(builds.length).toBeLessThanOrEqual(2)
  })
})

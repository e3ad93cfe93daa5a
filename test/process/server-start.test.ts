import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/config/paths.js'
import { fixtureSiteConfig } from '../helpers/fixture-content.js'
import { freePort } from '../helpers/free-port.js'
import { siteConfigWith } from '../helpers/site-config.js'

const running: ChildProcess[] = []
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL')
})

/** Starts the real entry point, as `npm start` does, with the given environment. */
function startServer(env: NodeJS.ProcessEnv): {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: packageRoot,
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      // Never the project's own: each start keeps its last good content apart.
      LAST_GOOD_CONTENT: path.join(mkdtempSync(path.join(tmpdir(), 'last-good-')), 'content.json'),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'server-data-')),
      ...env,
    },
  })
  running.push(child)
  let out = ''
  let err = ''
  child.stdout?.on('data', (chunk) => {
    out += chunk
  })
  child.stderr?.on('data', (chunk) => {
    err += chunk
  })
  return { child, stdout: () => out, stderr: () => err }
}

/** A production start with the request form on and everything else it needs. */
const requestsInProduction: NodeJS.ProcessEnv = {
  NODE_ENV: 'production',
  COOKIE_SECRET: 'x'.repeat(32),
  BASE_URL: 'https://personvern.example.no',
  SITE_CONFIG: siteConfigWith((json) => {
    json.privacyRequests = { enabled: true }
  }),
  SMTP_URL: 'smtp://127.0.0.1:9',
  MAIL_FROM: 'personvern@example.no',
  REQUESTS_SECRET: 'r'.repeat(32),
}

const requestsInProductionWithout = (...names: string[]) =>
  Object.fromEntries(Object.entries(requestsInProduction).filter(([name]) => !names.includes(name)))

async function exitOf(child: ChildProcess): Promise<number | null> {
  const [code] = (await once(child, 'exit')) as [number | null]
  return code
}

// Each test starts the server from the sources, builds and reloads: seconds on a busy machine.
describe('starting the server', { timeout: 60_000 }, () => {
  it('serves the notice and warns about the placeholder email', async () => {
    const port = await freePort()
    // The test content's site configuration has the placeholder; the locale files are the shipped ones.
    const server = startServer({ PORT: String(port), SITE_CONFIG: fixtureSiteConfig })
    while (!server.stdout().includes('"serving"')) {
      if (server.child.exitCode !== null) throw new Error(server.stderr())
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const response = await fetch(`http://127.0.0.1:${port}/nb/`)
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/<html lang="nb"[\s\S]*<h1>[^<]+<\/h1>/)
    expect(server.stdout()).toContain('placeholder')
    server.child.kill('SIGTERM')
    expect(await exitOf(server.child)).toBe(0)
  })

  it('reloads the site configuration on SIGHUP, without a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'site-config-'))
    const siteConfig = path.join(dir, 'site.json')
    copyFileSync(fixtureSiteConfig, siteConfig)
    const port = await freePort()
    const server = startServer({ PORT: String(port), SITE_CONFIG: siteConfig })
    while (!server.stdout().includes('"serving"')) {
      if (server.child.exitCode !== null) throw new Error(server.stderr())
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const json = JSON.parse(readFileSync(siteConfig, 'utf8'))
    json.contact.phone = '+47 23 45 67 89'
    writeFileSync(siteConfig, JSON.stringify(json))
    server.child.kill('SIGHUP')
    let page = ''
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline && !page.includes('tel:+4723456789')) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      page = await (await fetch(`http://127.0.0.1:${port}/nb/contact`)).text()
    }
    expect(page).toContain('href="tel:+4723456789"')
    // Log lines are written at the end of the event loop's turn: wait for them.
    while (Date.now() < deadline + 2_000 && !server.stdout().includes('"content reloaded"')) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(server.stdout()).toContain('"content reloaded"')
  })

  it('serves the last good content after a restart with a broken file, and says so', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'restart-'))
    const siteConfig = path.join(dir, 'site.json')
    const env = { SITE_CONFIG: siteConfig, LAST_GOOD_CONTENT: path.join(dir, 'last-good.json') }
    const json = JSON.parse(readFileSync(fixtureSiteConfig, 'utf8'))
    json.contact.phone = '+47 23 45 67 89'
    writeFileSync(siteConfig, JSON.stringify(json, null, 2))
    const serve = async () => {
      const port = await freePort()
      const server = startServer({ ...env, PORT: String(port) })
      while (!server.stdout().includes('"serving"')) {
        if (server.child.exitCode !== null) throw new Error(server.stderr())
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      return { server, port }
    }
    const first = await serve()
    first.server.child.kill('SIGTERM')
    expect(await exitOf(first.server.child)).toBe(0)

    writeFileSync(siteConfig, readFileSync(siteConfig, 'utf8').replace('"languages"', '"languages'))
    const second = await serve()
    const page = await (await fetch(`http://127.0.0.1:${second.port}/nb/contact`)).text()
    expect(page).toContain('href="tel:+4723456789"')
    const readiness = (await (await fetch(`http://127.0.0.1:${second.port}/readyz`)).json()) as {
      status: string
      degraded: { errors: string[] }
    }
    expect(readiness.status).toBe('degraded')
    expect(readiness.degraded.errors[0]).toMatch(/site\.json:\d+:\d+ {2}error {2}JSON syntax/)
    expect(second.server.stdout()).toContain('serving the last good content instead')
  })

  it.each([
    [{ PORT: 'abc' }, 'Cannot start: PORT "abc" must be a whole number from 1 to 65535'],
    [
      {
        SITE_CONFIG: 'test/fixtures/site-without-email.json',
        NODE_ENV: 'production',
        COOKIE_SECRET: 'x'.repeat(32),
        BASE_URL: 'https://personvern.example.no',
      },
      'contact.email is required in production',
    ],
    [
      { SITE_CONFIG: 'test/fixtures/nope.json' },
      /^Cannot start: test\/fixtures\/nope\.json:1:1 {2}error {2}the file is missing/,
    ],
    [
      { NODE_ENV: 'production', BASE_URL: 'https://personvern.example.no' },
      'COOKIE_SECRET is required in production',
    ],
    [
      { NODE_ENV: 'production', COOKIE_SECRET: 'x'.repeat(32) },
      'BASE_URL is required in production',
    ],
    [
      requestsInProductionWithout('SMTP_URL', 'MAIL_FROM'),
      'Cannot start: SMTP_URL is required in production',
    ],
    [
      requestsInProductionWithout('REQUESTS_SECRET'),
      'Cannot start: REQUESTS_SECRET is required in production with privacy requests on',
    ],
    [
      { ...requestsInProduction, REQUESTS_SECRET: 'short' },
      'Cannot start: REQUESTS_SECRET must be at least 32 characters long',
    ],
    [
      { ...requestsInProduction, DATABASE_URL: 'mysql://db.example.no/personvern' },
      'Cannot start: DATABASE_URL must start with postgres:// or postgresql://, not mysql://',
    ],
    [
      { SITE_CONFIG: 'test/fixtures/site-missing-language.json' },
      /^Cannot start: locales\/xx\/\w+\.json:1:1 {2}error {2}the file is missing/,
    ],
  ])('stops with %o, one line and a non-zero exit code', async (env, message) => {
    const server = startServer(env)
    expect(await exitOf(server.child)).toBe(1)
    // Warnings are log lines on stdout; stderr holds the one line that says why.
    const lines = server.stderr().trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(message)
  })
})

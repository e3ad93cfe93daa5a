// npm run bench: the same load against (a) this server in production mode, (b) bare node:http
// sending the same bytes and headers, (c) the pages rendered per request. Reports, never asserts.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { cpus, tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { packageRoot } from '../../src/config/paths.js'
import { productionRequestsEnv } from '../helpers/server-process.js'
import { whileSaving } from './saves.js'

const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64)
const target = '/nb/'
const headers = { 'Accept-Encoding': 'br' }

interface LoadResult {
  requestsPerSecond: number
  p99Ms: number
}

const benchDataDir = mkdtempSync(path.join(tmpdir(), 'bench-data-'))

/** What every server gets, as a deployment would set it. */
const deployedEnv = (port: number): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  PORT: String(port),
  HOST: '127.0.0.1',
  BASE_URL: 'https://personvern.example.no',
  COOKIE_SECRET: 'a-benchmark-secret-that-is-long-enough',
  // Another site configuration to compare with (SITE_CONFIG=… npm run bench), else the shipped one.
  ...(process.env.SITE_CONFIG ? { SITE_CONFIG: process.env.SITE_CONFIG } : {}),
  // The request form on, as shipped: its records in a folder of the bench's own.
  ...productionRequestsEnv,
  DATA_DIR: benchDataDir,
})

/**
 * `npm start` as package.json has it, taken apart: the environment variables before `node`,
 * then node's own arguments. npm runs `prestart` (the build, which prepares the compressed
 * responses) first, in the same environment; the bench does the same.
 */
function npmStart(): { env: NodeJS.ProcessEnv; args: string[] } {
  const script = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).scripts
    .start as string
  const words = script.split(/\s+/)
  const node = words.indexOf('node')
  const env = Object.fromEntries(
    words
      .slice(0, node)
      .map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]),
  )
  return { env, args: words.slice(node + 1) }
}

function start(
  name: string,
  args: string[],
  port: number,
  env: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; output: () => string; ms: number }> {
  const started = performance.now()
  // Output goes to a file, as a deployed server's would: a pipe that nobody reads during the
  // load would block the server's writes.
  const logFile = path.join(tmpdir(), `bench-${port}.log`)
  const log = openSync(logFile, 'w')
  const child = spawn(process.execPath, args, {
    cwd: packageRoot,
    env: { ...deployedEnv(port), ...env },
    stdio: ['ignore', log, log],
  })
  closeSync(log)
  const output = () => readFileSync(logFile, 'utf8').slice(0, 65_536)
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      if (/"serving"|^ready$/m.test(output())) {
        clearInterval(poll)
        resolve({ child, output, ms: performance.now() - started })
      } else if (child.exitCode !== null) {
        clearInterval(poll)
        reject(new Error(`${name} exited: ${output()}`))
      }
    }, 5)
  })
}

function fetchRaw(
  port: number,
): Promise<{ status: number; headers: [string, string][]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: target, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const pairs: [string, string][] = []
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          pairs.push([res.rawHeaders[i] ?? '', res.rawHeaders[i + 1] ?? ''])
        // Date, Connection and Keep-Alive are added by Node itself on every response.
        const recorded = pairs.filter(
          ([name]) => !['date', 'connection', 'keep-alive'].includes(name.toLowerCase()),
        )
        resolve({ status: res.statusCode ?? 0, headers: recorded, body: Buffer.concat(chunks) })
      })
    })
      .on('error', reject)
      .end()
  })
}

const hasWrk = spawnSync('wrk', ['--version']).error === undefined

async function load(port: number, duration: number): Promise<LoadResult> {
  const url = `http://127.0.0.1:${port}${target}`
  if (hasWrk) {
    const result = spawnSync(
      'wrk',
      ['-t2', `-c${connections}`, `-d${duration}s`, '--latency', '-H', 'Accept-Encoding: br', url],
      { encoding: 'utf8' },
    )
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(result.stdout)?.[1])
    const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(result.stdout)
    const factor = { us: 0.001, ms: 1, s: 1000 }[(p99?.[2] ?? 'ms') as 'us' | 'ms' | 's']
    return { requestsPerSecond: rps, p99Ms: Number(p99?.[1]) * factor }
  }
  const result = await autocannon({ url, connections, duration, headers })
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99 }
}

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]) / 1024
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

const children: ChildProcess[] = []
try {
  console.log(
    `${cpus().length} cores, ${hasWrk ? 'wrk' : 'autocannon'}, ${connections} connections, ${seconds} s each, GET ${target} with Accept-Encoding: br\n`,
  )
  // Exactly as `npm start` runs it: the build first, then node with its flags and environment.
  const startCommand = npmStart()
  const productionEnv = { ...deployedEnv(3301), NODE_ENV: 'production' }
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: packageRoot,
    env: productionEnv,
    encoding: 'utf8',
  })
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stdout}${build.stderr}`)
  const a = await start('this server', startCommand.args, 3301, {
    ...productionEnv,
    ...startCommand.env,
  })
  children.push(a.child)
  const readyMs = Number(/"readyMs":(\d+)/.exec(a.output())?.[1])

  const recorded = await fetchRaw(3301)
  const recordFile = path.join(tmpdir(), 'bench-recorded.json')
  writeFileSync(recordFile, JSON.stringify({ ...recorded, body: recorded.body.toString('base64') }))
  const b = await start(
    'bare node:http',
    ['--import', 'tsx', 'test/bench/bare-server.ts', recordFile],
    3302,
  )
  children.push(b.child)
  const c = await start(
    'per-request rendering',
    ['--import', 'tsx', 'test/bench/per-request-server.ts'],
    3303,
  )
  children.push(c.child)

  // The machine is shared and noisy: the servers take turns, round after round, and the
  // report gives medians, so that a slow moment hurts one sample of each, not one server.
  const servers = [
    { name: '(a) this server, production', port: 3301, results: [] as LoadResult[] },
    { name: '(b) bare node:http, same bytes', port: 3302, results: [] as LoadResult[] },
    { name: '(c) Express + EJS + i18next per request', port: 3303, results: [] as LoadResult[] },
  ] as const
  for (const server of servers) await load(server.port, 2) // warm-up: JIT, connection pools
  for (let round = 1; round <= rounds; round++) {
    for (const server of servers) server.results.push(await load(server.port, seconds))
    console.log(
      `round ${round}: ${servers.map((server) => (server.results.at(-1)?.requestsPerSecond ?? 0).toFixed(0)).join(' / ')} req/s`,
    )
  }
  const rss = rssMb(a.child.pid)

  // The same load on (a) while a file is saved every 200 ms (each save a full reload), in turns
  // with the load without saves. Single-threaded wrk keeps the load off the saving timer.
  const quiet: LoadResult[] = []
  const saving: LoadResult[] = []
  for (let round = 1; round <= rounds; round++) {
    quiet.push(await load(3301, seconds))
    saving.push(await whileSaving(() => load(3301, seconds)))
  }
  const serverLog = readFileSync(path.join(tmpdir(), 'bench-3301.log'), 'utf8')
  const reloads = (serverLog.match(/content reloaded/g) ?? []).length
  console.log('')
  for (const server of servers) {
    const rps = median(server.results.map((result) => result.requestsPerSecond))
    const p99 = median(server.results.map((result) => result.p99Ms))
    console.log(
      `${server.name.padEnd(40)} ${rps.toFixed(0).padStart(8)} req/s   p99 ${p99.toFixed(2)} ms`,
    )
  }
  const ratio = (x: LoadResult[], y: LoadResult[]) =>
    median(
      x.map(
        (result, index) => result.requestsPerSecond / (y[index]?.requestsPerSecond ?? Number.NaN),
      ),
    )
  const [resultA, resultB, resultC] = servers.map((server) => server.results) as [
    LoadResult[],
    LoadResult[],
    LoadResult[],
  ]

  // A start that finds nothing prepared (another BASE_URL changes every page): all compressed then.
  const cold = await start('this server, nothing prepared', startCommand.args, 3304, {
    ...productionEnv,
    ...startCommand.env,
    PORT: '3304',
    BASE_URL: 'https://cold-start.example.no',
  })
  children.push(cold.child)
  const coldReadyMs = Number(/"readyMs":(\d+)/.exec(cold.output())?.[1])

  console.log(`
a/b ${ratio(resultA, resultB).toFixed(2)}   (goal ≥ 0.75; median of the rounds' ratios)
a/c ${ratio(resultA, resultC).toFixed(1)}   (goal ≥ 40)
ready ${readyMs} ms from process start until every page is prepared (goal ≤ 500; ${a.ms.toFixed(0)} ms from spawn to listening)
      ${coldReadyMs} ms when nothing was prepared by the build (every body compressed at start)
RSS ${rss.toFixed(1)} MB after the load (goal ≤ 100)
saves p99 ${median(saving.map((r) => r.p99Ms)).toFixed(1)} ms while a file is saved every 200 ms, against ${median(quiet.map((r) => r.p99Ms)).toFixed(1)} ms without (${reloads} reloads; goal: within 50 ms of it)
      ${median(saving.map((r) => r.requestsPerSecond)).toFixed(0)} req/s while saving, against ${median(quiet.map((r) => r.requestsPerSecond)).toFixed(0)} without
body ${recorded.body.length} bytes brotli, ${recorded.headers.length} headers`)
} finally {
  for (const child of children) child.kill('SIGTERM')
}

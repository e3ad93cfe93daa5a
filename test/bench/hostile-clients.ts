// npm run bench:hostile: the server in production mode (as `npm start` runs it) against clients
// that never read their answers (pipelining) and clients that never finish their headers
// (slowloris), while a normal visitor keeps asking for /nb/. Reports peak RSS and the visitor's
// worst wait; never asserts (test/process/hostile-clients.test.ts does, at a smaller scale).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { packageRoot } from '../../src/config/paths.js'
import { productionRequestsEnv } from '../helpers/server-process.js'

/** Another checkout's root, to measure an older build the same way. */
const root = process.env.SERVER_ROOT ? path.resolve(process.env.SERVER_ROOT) : packageRoot
const port = Number(process.env.ATTACK_PORT ?? 3311)
const attack = process.env.ATTACK ?? 'pipelining'
const seconds = Number(process.env.ATTACK_SECONDS ?? 30)

function startServer(): Promise<ChildProcess> {
  const env = {
    PATH: process.env.PATH,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    BASE_URL: 'https://personvern.example.no',
    COOKIE_SECRET: 'a-benchmark-secret-that-is-long-enough',
    ...productionRequestsEnv,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'hostile-data-')),
  }
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, env, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stdout}${build.stderr}`)
  const child = spawn(process.execPath, ['--max-semi-space-size=4', 'build/src/server.js'], {
    cwd: root,
    env: {
      ...env,
      MALLOC_ARENA_MAX: '1',
      MALLOC_TRIM_THRESHOLD_: '65536',
      MALLOC_MMAP_THRESHOLD_: '65536',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk
      if (output.includes('"serving"')) resolve(child)
      if (output.length > 100_000) output = output.slice(-1000)
    })
    child.on('exit', () => reject(new Error(`the server exited: ${output}`)))
  })
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024

/** One normal request; resolves with its duration in ms, or Infinity after 10 s. */
function visit(): Promise<number> {
  const started = performance.now()
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/nb/', agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve(performance.now() - started))
    })
    req.setTimeout(10_000, () => {
      req.destroy()
      resolve(Number.POSITIVE_INFINITY)
    })
    req.on('error', () => resolve(Number.POSITIVE_INFINITY))
    req.end()
  })
}

function open(): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket))
    socket.on('error', () => undefined)
  })
}

/** 100 connections, each 2,000 pipelined GET /nb/ sent at once, whose answers are never read. */
async function pipelining(): Promise<Socket[]> {
  const requests = 'GET /nb/ HTTP/1.1\r\nHost:x\r\n\r\n'.repeat(2000)
  return Promise.all(
    Array.from({ length: 100 }, async () => {
      const socket = await open()
      socket.pause()
      socket.write(requests)
      return socket
    }),
  )
}

/** 5,000 connections sending their headers one byte every 3 s; a dropped one is replaced. */
async function slowloris(): Promise<Socket[]> {
  const sockets: Socket[] = []
  const keep = async () => {
    const socket = await open()
    sockets.push(socket)
    socket.write('GET /nb/ HTTP/1.1\r\nHost: x\r\n')
    const drip = setInterval(() => socket.write('a'), 3000)
    socket.on('close', () => {
      clearInterval(drip)
      if (!stopping) void keep()
    })
  }
  for (let i = 0; i < 5000; i++) await keep()
  return sockets
}

let stopping = false
const server = await startServer()
const pid = server.pid as number
const before = rssMb(pid)
let peak = before
const sampler = setInterval(() => {
  peak = Math.max(peak, rssMb(pid))
}, 100)
const started = Date.now()
const sockets = await (attack === 'slowloris' ? slowloris() : pipelining())
let worst = 0
let visits = 0
let failed = 0
while (Date.now() - started < seconds * 1000) {
  const ms = await visit()
  visits++
  if (!Number.isFinite(ms)) failed++
  worst = Math.max(worst, ms)
  await new Promise((resolve) => setTimeout(resolve, 100))
}
stopping = true
clearInterval(sampler)
console.log(
  `${attack}: RSS ${before.toFixed(1)} MB before, peak ${peak.toFixed(1)} MB; ${visits} visits, worst ${worst.toFixed(0)} ms, ${failed} unanswered within 10 s`,
)
for (const socket of sockets) socket.destroy()
server.kill('SIGKILL')
process.exit(0)

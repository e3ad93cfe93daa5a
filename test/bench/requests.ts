// npm run bench:requests: how many privacy requests a second the form's POST takes, on SQLite
// and on PostgreSQL, with each request committed (and its email queued) before the answer, and
// the server's memory with the form on. Reports, never asserts.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { packageRoot } from '../../src/config/paths.js'
import { freePort } from '../helpers/free-port.js'
import { startPostgres } from '../helpers/postgres-server.js'
import { startSmtpServer } from '../helpers/smtp-test-server.js'

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16)
const origin = 'https://personvern.example.no'

/** The built server as `npm start` runs it, in production, behind one (pretended) proxy. */
async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort()
  const logFile = path.join(tmpdir(), `bench-requests-${port}.log`)
  const log = openSync(logFile, 'w')
  const child = spawn(process.execPath, ['--max-semi-space-size=4', 'build/src/server.js'], {
    cwd: packageRoot,
    env: {
      PATH: process.env.PATH,
      MALLOC_ARENA_MAX: '1',
      MALLOC_TRIM_THRESHOLD_: '65536',
      MALLOC_MMAP_THRESHOLD_: '65536',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      BASE_URL: origin,
      COOKIE_SECRET: 'a-benchmark-secret-that-is-long-enough',
      REQUESTS_SECRET: 'a-benchmark-requests-secret-long-enough',
      // Each request comes from another address (X-Forwarded-For), so the per-client limit,
      // there against floods from one client, does not stop the load after ten.
      TRUST_PROXY_HOPS: '1',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-requests-')),
      ...env,
    },
    stdio: ['ignore', log, log],
  })
  closeSync(log)
  for (;;) {
    const output = readFileSync(logFile, 'utf8')
    if (output.includes('"serving"')) return { child, port }
    if (child.exitCode !== null) throw new Error(`the server exited: ${output}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const rssMb = (child: ChildProcess) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024

/** POSTs of valid forms, each from its own address and email, for `seconds`. */
async function load(port: number) {
  let counter = 0
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/nb/request`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          counter++
          return {
            ...request,
            headers: {
              Origin: origin,
              'Content-Type': 'application/x-www-form-urlencoded',
              'X-Forwarded-For': `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`,
            },
            body: new URLSearchParams({
              kind: 'access',
              name: `Besøkende ${counter}`,
              email: `visitor-${counter}@example.no`,
              details: 'Hvilke opplysninger har dere om meg?',
            }).toString(),
          }
        },
      },
    ],
  })
  return result
}

const build = spawnSync('npm', ['run', 'build'], { cwd: packageRoot, encoding: 'utf8' })
if (build.status !== 0) throw new Error(`npm run build failed: ${build.stdout}${build.stderr}`)
const smtp = await startSmtpServer()
const postgres = await startPostgres()
console.log(
  `${cpus().length} cores, autocannon, ${connections} connections, ${seconds} s each, POST /nb/request\n`,
)
try {
  for (const [name, env] of [
    ['SQLite', {}],
    ['PostgreSQL', { DATABASE_URL: postgres.url }],
  ] as const) {
    const server = await startServer({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'personvern@example.no',
      ...env,
    })
    const idleMb = rssMb(server.child)
    const result = await load(server.port)
    const busyMb = rssMb(server.child)
    server.child.kill('SIGTERM')
    const ok = result['2xx']
    console.log(
      `${name.padEnd(10)} ${(ok / seconds).toFixed(0).padStart(6)} requests/s kept (${ok} answered 200, ${result.non2xx} other, ${result.errors} errors), p99 ${result.latency.p99} ms, RSS ${idleMb.toFixed(0)} MB idle → ${busyMb.toFixed(0)} MB after`,
    )
  }
  console.log(`\n${smtp.received.length} emails received by the SMTP server during the runs`)
} finally {
  await postgres.stop()
  await smtp.stop()
}

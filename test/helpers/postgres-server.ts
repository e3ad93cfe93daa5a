import { execFile } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { freePort } from './free-port.js'

const run = promisify(execFile)

/** Debian's PostgreSQL 15: the server each test file starts for itself. */
export const postgresBin = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin'

export const postgresHint =
  'install PostgreSQL from Debian: apt-get update && apt-get install -y postgresql'

/** True when PostgreSQL tests can run. In CI a missing PostgreSQL is a failure, never a skip. */
export function postgresAvailable(): boolean {
  if (existsSync(path.join(postgresBin, 'initdb'))) return true
  if (process.env.CI) throw new Error(`PostgreSQL is missing at ${postgresBin}: ${postgresHint}`)
  console.warn(`PostgreSQL tests skipped: no initdb in ${postgresBin}; ${postgresHint}`)
  return false
}

export interface PostgresServer {
  /** postgres://app@127.0.0.1:PORT/postgres, the superuser `app` without a password. */
  readonly url: string
  /** How long initdb and the start took, in ms. */
  readonly startMs: number
  stop(): Promise<void>
}

// PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
function asServerUser(tool: string, args: string[]) {
  const file = path.join(postgresBin, tool)
  if (process.getuid?.() === 0) return run('runuser', ['-u', 'postgres', '--', file, ...args])
  return run(file, args)
}

/** A fresh PostgreSQL in a temporary folder, on a free loopback port, until stop(). */
export async function startPostgres(): Promise<PostgresServer> {
  const started = performance.now()
  const dir = mkdtempSync(path.join(tmpdir(), 'store-pg-'))
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const { stdout: group } = await run('id', ['-g', 'postgres'])
    chownSync(dir, Number(stdout.trim()), Number(group.trim()))
  }
  const data = path.join(dir, 'db')
  const port = await freePort()
  await asServerUser('initdb', ['-D', data, '-A', 'trust', '-U', 'app', '--no-sync'])
  // fsync off: the data is thrown away after the file; the durability tested here is SQLite's.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`
  await asServerUser('pg_ctl', [
    '-D',
    data,
    '-o',
    options,
    '-l',
    path.join(dir, 'log'),
    '-w',
    'start',
  ])
  const startMs = Math.round(performance.now() - started)
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    startMs,
    async stop() {
      await asServerUser('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { packageRoot } from '../../src/config/paths.js'
import { freePort } from './free-port.js'
import { testBaseUrl } from './test-site.js'

/**
 * What production needs with the request form on, for tests that start the shipped site as
 * deployed: a mail server (none is reached: these tests send no request) and the secret.
 */
export const productionRequestsEnv: NodeJS.ProcessEnv = {
  SMTP_URL: 'smtp://127.0.0.1:9',
  MAIL_FROM: 'personvern@example.no',
  REQUESTS_SECRET: 'a-requests-secret-for-tests-long-enough',
}

export interface ServerProcess {
  readonly child: ChildProcess
  readonly port: number
  stdout(): string
  stderr(): string
  /** The resident memory of the process now, in MB (Linux). */
  rssMb(): number
}

/**
 * The real entry point, as `npm start` runs it (the same node flag and allocator settings), on
 * a free port, resolved once it serves. The caller kills it.
 */
export async function startServerProcess(env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=4', '--import', 'tsx', 'src/server.ts'],
    {
      cwd: packageRoot,
      env: {
        PATH: process.env.PATH,
        HOST: '127.0.0.1',
        PORT: String(port),
        BASE_URL: testBaseUrl,
        MALLOC_ARENA_MAX: '1',
        MALLOC_TRIM_THRESHOLD_: '65536',
        MALLOC_MMAP_THRESHOLD_: '65536',
        // Records and emails of the request form in a folder of the test's own.
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'server-data-')),
        LAST_GOOD_CONTENT: path.join(
          mkdtempSync(path.join(tmpdir(), 'last-good-')),
          'content.json',
        ),
        ...env,
      },
    },
  )
  let out = ''
  let err = ''
  child.stdout?.on('data', (chunk) => {
    out += chunk
  })
  child.stderr?.on('data', (chunk) => {
    err += chunk
  })
  while (!out.includes('"serving"')) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${err}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    child,
    port,
    stdout: () => out,
    stderr: () => err,
    rssMb: () =>
      Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) /
      1024,
  }
}

import { execFile } from 'node:child_process'
import path from 'node:path'
import { packageRoot } from '../../src/config/paths.js'

export interface ScanRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `npm run scan` as staff do, without blocking the servers this process runs. */
export function runScan(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<ScanRun> {
  const tsx = path.join(packageRoot, 'node_modules', '.bin', 'tsx')
  return new Promise((resolve) => {
    execFile(
      tsx,
      [path.join(packageRoot, 'src', 'cli', 'scan.ts'), ...args],
      { cwd: packageRoot, env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

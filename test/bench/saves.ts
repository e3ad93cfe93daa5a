import { spawn } from 'node:child_process'
import path from 'node:path'
import { packageRoot } from '../../src/config/paths.js'

/**
 * While `load` runs, a locale file is saved every `everyMs` by a process of its own (the load
 * may hold this one's thread), with the same bytes: each save is a full reload of the server,
 * and what it serves stays the same.
 */
export async function whileSaving<T>(load: () => Promise<T>, everyMs = 200): Promise<T> {
  const file = path.join(packageRoot, 'locales', 'nb', 'contact.json')
  const saver = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/bench/save-loop.ts', file, String(everyMs)],
    { cwd: packageRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  await new Promise((resolve) => setTimeout(resolve, 1000)) // the saver has started saving
  try {
    return await load()
  } finally {
    const stopped = new Promise((resolve) => saver.once('exit', resolve))
    saver.kill('SIGTERM')
    await stopped
    // The saver's last save is still being built: let it finish before the next load is timed.
    await new Promise((resolve) => setTimeout(resolve, 2000))
  }
}

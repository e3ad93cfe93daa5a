import { type FSWatcher, readdirSync, statSync, watch } from 'node:fs'
import path from 'node:path'

/**
 * Sees every save of a locale file or the site configuration, however it is made: in place, by
 * a new file renamed over the old (as editors, `sed -i`, git and `npm run publish` do), deleted
 * and created again, or in a new folder. Each folder is watched on its own (no `recursive`:
 * Node 20 on Linux stops reporting a file replaced by rename), and a short timer compares the
 * files' states as well, so that no save is ever missed.
 */
export interface ContentWatch {
  close(): void
}

/** Every watched file with what changes when it is saved: inode, size, modification time. */
function fileStates(localesDir: string, siteConfigPath: string): Map<string, string> {
  const states = new Map<string, string>()
  const add = (file: string, label: string) => {
    try {
      const stat = statSync(file)
      states.set(label, `${stat.ino}:${stat.size}:${stat.mtimeMs}`)
    } catch {
      // A file missing for a moment (deleted, then written again) is a change when it returns.
    }
  }
  let names: string[] = []
  try {
    names = readdirSync(localesDir, { recursive: true, encoding: 'utf8' })
  } catch {
    names = []
  }
  for (const name of names.filter((file) => file.endsWith('.json')).sort()) {
    add(path.join(localesDir, name), name.split(path.sep).join('/'))
  }
  add(siteConfigPath, path.basename(siteConfigPath))
  return states
}

function changedFile(before: Map<string, string>, after: Map<string, string>): string | undefined {
  for (const [file, state] of after) if (before.get(file) !== state) return file
  for (const file of before.keys()) if (!after.has(file)) return file
  return undefined
}

function foldersUnder(dir: string): string[] {
  try {
    const nested = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(entry.parentPath, entry.name))
    return [dir, ...nested.sort()]
  } catch {
    return []
  }
}

export function watchContent(options: {
  readonly localesDir: string
  readonly siteConfigPath: string
  readonly onChange: (reason: string) => void
  readonly onError: (dir: string, message: string) => void
  /** How often the files' states are compared. */
  readonly intervalMs?: number
}): ContentWatch {
  const { localesDir, siteConfigPath } = options
  let states = fileStates(localesDir, siteConfigPath)
  const watchers = new Map<string, FSWatcher>()

  const compare = () => {
    const next = fileStates(localesDir, siteConfigPath)
    const file = changedFile(states, next)
    states = next
    armFolders()
    if (file) options.onChange(`changed ${file}`)
  }
  // Any event in a folder means: compare now, rather than at the next tick of the timer.
  const armFolders = () => {
    const folders = [...foldersUnder(localesDir), path.dirname(siteConfigPath)]
    for (const [dir, watcher] of watchers) {
      if (folders.includes(dir)) continue
      watcher.close()
      watchers.delete(dir)
    }
    for (const dir of folders) {
      if (watchers.has(dir)) continue
      try {
        const watcher = watch(dir, () => compare())
        watcher.on('error', (error) => options.onError(dir, error.message))
        watchers.set(dir, watcher)
      } catch (error) {
        options.onError(dir, (error as Error).message)
      }
    }
  }
  armFolders()
  const timer = setInterval(compare, options.intervalMs ?? 500)
  timer.unref()
  return {
    close() {
      clearInterval(timer)
      for (const watcher of watchers.values()) watcher.close()
      watchers.clear()
    },
  }
}

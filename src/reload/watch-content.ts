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

function inodeOf(dir: string): number | undefined {
  try {
    return statSync(dir).ino
  } catch {
    return undefined
  }
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

/** The file an event names, as the reason says it, when it is one that is watched. */
function relevantFile(
  dir: string,
  name: string | Buffer | null,
  localesDir: string,
  siteConfigPath: string,
): string | undefined {
  if (!name) return undefined
  const file = path.join(dir, name.toString())
  if (file === siteConfigPath) return path.basename(file)
  if (!file.endsWith('.json') || !file.startsWith(`${localesDir}${path.sep}`)) return undefined
  return path.relative(localesDir, file).split(path.sep).join('/')
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
  const watchers = new Map<string, { watcher: FSWatcher; inode: number | undefined }>()

  const compare = (named?: string) => {
    const next = fileStates(localesDir, siteConfigPath)
    const file = changedFile(states, next) ?? named
    states = next
    armFolders()
    if (file) options.onChange(`changed ${file}`)
  }
  const unwatchable = new Set<string>()
  /** Each folder watched on its own; a folder replaced (same path, new inode) is watched again. */
  const armFolders = () => {
    const folders = new Map(
      [...foldersUnder(localesDir), path.dirname(siteConfigPath)].map((dir) => [dir, inodeOf(dir)]),
    )
    for (const [dir, watched] of watchers) {
      if (folders.get(dir) === watched.inode) continue
      watched.watcher.close()
      watchers.delete(dir)
    }
    for (const [dir, inode] of folders) {
      if (watchers.has(dir)) continue
      try {
        // An event naming a watched file is a save even if its size and time look the same.
        const watcher = watch(dir, (_event, name) =>
          compare(relevantFile(dir, name, localesDir, siteConfigPath)),
        )
        watcher.on('error', () => watchers.delete(dir))
        watchers.set(dir, { watcher, inode })
        unwatchable.delete(dir)
      } catch (error) {
        // Said once, not at every comparison: the timer still compares the files' states.
        if (!unwatchable.has(dir)) options.onError(dir, (error as Error).message)
        unwatchable.add(dir)
      }
    }
  }
  armFolders()
  const timer = setInterval(compare, options.intervalMs ?? 500)
  timer.unref()
  return {
    close() {
      clearInterval(timer)
      for (const { watcher } of watchers.values()) watcher.close()
      watchers.clear()
    },
  }
}

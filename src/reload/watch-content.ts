import { type FSWatcher, readdirSync, statSync, watch } from 'node:fs'
import path from 'node:path'
import { displayPath } from '../config/paths.js'

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

/**
 * Every watched file, as staff see its path, with what changes when it is saved: inode, size,
 * modification time.
 */
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
    const file = path.join(localesDir, name)
    add(file, displayPath(file))
  }
  add(siteConfigPath, displayPath(siteConfigPath))
  return states
}

/** The files saved, created or deleted between two looks. */
function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = [...after].filter(([file, state]) => before.get(file) !== state)
  const deleted = [...before.keys()].filter((file) => !after.has(file))
  return [...changed.map(([file]) => file), ...deleted]
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
  if (file === siteConfigPath) return displayPath(file)
  if (!file.endsWith('.json') || !file.startsWith(`${localesDir}${path.sep}`)) return undefined
  return displayPath(file)
}

export function watchContent(options: {
  readonly localesDir: string
  readonly siteConfigPath: string
  /** Called with the files saved, created or deleted, as staff see their paths. */
  readonly onChange: (files: readonly string[]) => void
  readonly onError: (dir: string, message: string) => void
  /** How often the files' states are compared. */
  readonly intervalMs?: number
}): ContentWatch {
  const { localesDir, siteConfigPath } = options
  let states = fileStates(localesDir, siteConfigPath)
  const watchers = new Map<string, { watcher: FSWatcher; inode: number | undefined }>()

  const compare = (named?: string) => {
    const next = fileStates(localesDir, siteConfigPath)
    const changed = changedFiles(states, next)
    if (changed.length === 0 && named) changed.push(named)
    states = next
    armFolders()
    if (changed.length > 0) options.onChange(changed)
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

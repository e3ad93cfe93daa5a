import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { SourceFile, SourceSet } from '../read/read-sources.js'

/**
 * The last content that passed the checker, kept on disk as it was read (every locale file and
 * the site configuration), so that a restart while a file has a mistake serves it instead of
 * nothing. Templates and assets are code, deployed with it: they are always the current ones.
 */
interface Stored {
  readonly savedAt: string
  readonly localesFolder: string
  readonly siteConfig: SourceFile
  readonly sectionOrder: SourceFile
  readonly versionList: SourceFile
  readonly languages: readonly string[]
  readonly versionIds: readonly string[]
  readonly locales: readonly (readonly [string, SourceFile])[]
  readonly versionFiles: readonly (readonly [string, readonly string[]])[]
}

/** The content of a source set: everything but the templates and assets. */
export type StoredContent = Omit<SourceSet, 'views' | 'assets'>

export interface LastGood {
  readonly savedAt: string
  readonly content: StoredContent
}

/** Writes the sources whole (a new file renamed over the old): a reader never sees half of it. */
export function saveLastGood(file: string, sources: SourceSet, now: Date): void {
  const stored: Stored = {
    savedAt: now.toISOString(),
    localesFolder: sources.localesFolder,
    siteConfig: sources.siteConfig,
    sectionOrder: sources.sectionOrder,
    versionList: sources.versionList,
    languages: sources.languages,
    versionIds: sources.versionIds,
    locales: [...sources.locales],
    versionFiles: [...sources.versionFiles],
  }
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`
  try {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(temporary, JSON.stringify(stored))
    renameSync(temporary, file)
  } catch {
    // A full or read-only disk costs only the fallback at the next start, never the build.
    rmSync(temporary, { force: true })
  }
}

/** The stored sources, or nothing when there are none (or they cannot be read). */
export function loadLastGood(file: string): LastGood | undefined {
  let stored: Stored
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Stored
  } catch {
    return undefined
  }
  return {
    savedAt: stored.savedAt,
    content: {
      localesFolder: stored.localesFolder ?? 'locales',
      siteConfig: stored.siteConfig,
      sectionOrder: stored.sectionOrder,
      versionList: stored.versionList,
      languages: stored.languages,
      versionIds: stored.versionIds,
      locales: new Map(stored.locales),
      versionFiles: new Map(stored.versionFiles),
    },
  }
}

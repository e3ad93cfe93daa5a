import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import Backend from 'i18next-fs-backend'
import { isObject } from '../config/json-value.js'
import { displayPath } from '../config/paths.js'
import { languageCode } from '../config/site-config.js'
import { isPolicyDate } from '../content/dates.js'
import { namespaces } from '../content/locales.js'
import { versionIndexFile, versionNamespace } from '../content/version-index.js'

/**
 * The first stage of a build: every file the site is made of, read once, as text. Later stages
 * (check, content model, render) work on these texts and never go back to the disk, so what is
 * checked is exactly what is served, whatever is saved meanwhile.
 */

/** One file as read: its text, or why it could not be read. */
export interface SourceFile {
  /** As staff see it: relative to the project when inside it (`locales/nb/policy.json`). */
  readonly file: string
  readonly text?: string
  /** `ENOENT` or another reason the file could not be read. */
  readonly unreadable?: string
}

export interface SourceSet {
  /** The locale folder as staff see it (`locales`), for naming files found in it. */
  readonly localesFolder: string
  readonly siteConfig: SourceFile
  /** `locales/sections.json`: the order of the notice's sections. */
  readonly sectionOrder: SourceFile
  /** `locales/versions.json`: the published versions. */
  readonly versionList: SourceFile
  /** The languages read: the configuration's, or the folders' when it names none. */
  readonly languages: readonly string[]
  /** The ids of the versions listed, as far as the list could be read. */
  readonly versionIds: readonly string[]
  /** Every locale file by `lng/namespace` (`nb/policy`, `en/versions/2024`). */
  readonly locales: ReadonlyMap<string, SourceFile>
  /** The files in each language's `versions/` folder, listed or not. */
  readonly versionFiles: ReadonlyMap<string, readonly string[]>
  /** The templates by absolute file name (`views/pages/policy.ejs`), partials included. */
  readonly views: ReadonlyMap<string, string>
  /** The files of `public/` the pages link to; no body when one cannot be read. */
  readonly assets: readonly { readonly name: string; readonly body?: Buffer }[]
}

/** Where a build reads from. */
export interface SourceDirs {
  readonly localesDir: string
  readonly publicDir: string
  readonly viewsDir: string
  readonly siteConfigPath: string
}

const assetNames = ['site.css', 'favicon.svg'] as const

function readText(absolute: string): SourceFile {
  const file = displayPath(absolute)
  try {
    return { file, text: readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '') }
  } catch (error) {
    return { file, unreadable: (error as NodeJS.ErrnoException).code ?? String(error) }
  }
}

/** The value of a file that parses, for finding out what else to read; nothing is checked here. */
function roughly(source: SourceFile): unknown {
  try {
    return source.text === undefined ? undefined : JSON.parse(source.text)
  } catch {
    return undefined
  }
}

function languagesOf(siteConfig: SourceFile, localesDir: string): string[] {
  const listed = (roughly(siteConfig) as { languages?: unknown } | undefined)?.languages
  const named = Array.isArray(listed)
    ? listed.filter((lng): lng is string => typeof lng === 'string' && languageCode.test(lng))
    : []
  if (named.length > 0) return [...new Set(named)]
  // Without a usable configuration, every language folder is read, so that it is checked too.
  return folders(localesDir)
    .filter((name) => languageCode.test(name))
    .sort((a, b) => (a === 'nb' ? -1 : b === 'nb' ? 1 : a.localeCompare(b)))
}

function versionIdsOf(versionList: SourceFile): string[] {
  const versions = (roughly(versionList) as { versions?: unknown } | undefined)?.versions
  if (!Array.isArray(versions)) return []
  return versions
    .map((version: unknown) => (isObject(version) ? version.effective : undefined))
    .filter((id): id is string => typeof id === 'string' && isPolicyDate(id))
}

function folders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
  } catch {
    return []
  }
}

function filesIn(dir: string, extension: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith(extension))
      .sort()
  } catch {
    return []
  }
}

/**
 * The locale files, read by i18next-fs-backend (i18next's file loader) and kept as text, so that
 * the checker can point at a line and column of exactly what is served; the content stage gives
 * the checked texts to a fresh i18next instance.
 */
function readLocaleFiles(
  localesDir: string,
  languages: readonly string[],
  names: readonly string[],
): Map<string, SourceFile> {
  const backend = new (
    Backend as unknown as new (
      services: unknown,
      options: object,
      all: object,
    ) => InstanceType<typeof Backend>
  )(
    undefined,
    {
      loadPath: path.join(localesDir, '{{lng}}', '{{ns}}.json'),
      parse: (text: string) => ({ text }),
    },
    // Read at once, in order: a build is one pass over the files.
    { initAsync: false },
  )
  const files = new Map<string, SourceFile>()
  for (const lng of languages) {
    for (const ns of names) {
      const file = displayPath(path.join(localesDir, lng, `${ns}.json`))
      backend.read(lng, ns, (error, data) => {
        const text = data ? (data as { text?: unknown }).text : undefined
        files.set(
          `${lng}/${ns}`,
          typeof text === 'string'
            ? { file, text }
            : { file, unreadable: (error as NodeJS.ErrnoException | null)?.code ?? String(error) },
        )
      })
    }
  }
  return files
}

/** Reads every source of the site once. */
export function readSources(dirs: SourceDirs): SourceSet {
  const siteConfig = readText(dirs.siteConfigPath)
  const sectionOrder = readText(path.join(dirs.localesDir, 'sections.json'))
  const versionList = readText(path.join(dirs.localesDir, versionIndexFile))
  const languages = languagesOf(siteConfig, dirs.localesDir)
  const versionIds = versionIdsOf(versionList)
  const locales = readLocaleFiles(dirs.localesDir, languages, [
    ...namespaces,
    ...versionIds.map(versionNamespace),
  ])
  const versionFiles = new Map(
    languages.map((lng) => [lng, filesIn(path.join(dirs.localesDir, lng, 'versions'), '.json')]),
  )
  const views = new Map(
    filesIn(dirs.viewsDir, '.ejs').map((name) => {
      const absolute = path.join(dirs.viewsDir, name)
      return [absolute, readFileSync(absolute, 'utf8')]
    }),
  )
  const assets = assetNames.map((name) => {
    try {
      return { name, body: readFileSync(path.join(dirs.publicDir, name)) }
    } catch {
      return { name }
    }
  })
  return {
    localesFolder: displayPath(dirs.localesDir),
    siteConfig,
    sectionOrder,
    versionList,
    languages,
    versionIds,
    locales,
    versionFiles,
    views,
    assets,
  }
}

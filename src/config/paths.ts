import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The package root: the nearest folder above this module that holds package.json. */
function findPackageRoot(start: string): string {
  let dir = start
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`package.json not found above ${start}`)
    dir = parent
  }
  return dir
}

// Compiled code runs from build/src, sources from src: both resolve to the same root.
export const packageRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)))
export const viewsDir = path.join(packageRoot, 'views')
export const localesDir = path.join(packageRoot, 'locales')
export const publicDir = path.join(packageRoot, 'public')
export const defaultSiteConfigPath = path.join(packageRoot, 'config', 'site.json')
/** The last content that passed the checker, for a start while a file has a mistake. */
export const lastGoodContentPath = path.join(packageRoot, 'build', 'last-good-content.json')
/** Compressed bodies kept between builds and starts (see prepare/compression-cache.ts). */
export const compressedDir = path.join(packageRoot, 'build', 'compressed')

/** A message with every path in the project written relative to it, as staff see paths. */
export function withoutInstallPath(message: string): string {
  return message.split(`${packageRoot}${path.sep}`).join('')
}

/** A path as staff see it: relative to the project when inside it, with forward slashes. */
export function displayPath(absolute: string): string {
  const relative = path.relative(packageRoot, absolute)
  return relative.startsWith('..') ? absolute : relative.split(path.sep).join('/')
}

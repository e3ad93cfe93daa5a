import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/config/paths.js'

/** The folders of src/ and which others each imports from (`import type` included). */
function folderImports(): Map<string, Set<string>> {
  const src = path.join(packageRoot, 'src')
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.ts'),
  )
  const folderOf = (file: string) => (file.includes(path.sep) ? file.split(path.sep)[0] : '.')
  const imports = new Map<string, Set<string>>()
  for (const file of files) {
    const from = folderOf(file) ?? '.'
    const text = readFileSync(path.join(src, file), 'utf8')
    for (const match of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = path.relative(
        src,
        path.resolve(path.dirname(path.join(src, file)), match[1] ?? ''),
      )
      const to = folderOf(target) ?? '.'
      if (to === from) continue
      if (!imports.has(from)) imports.set(from, new Set())
      imports.get(from)?.add(to)
    }
  }
  return imports
}

describe('the shape of the code', () => {
  it('has no import cycle between folders: each stage only uses the ones before it', () => {
    const imports = folderImports()
    expect(imports.size).toBeGreaterThan(5)
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
      for (const next of imports.get(from) ?? []) {
        if (next === to) return true
        if (seen.has(next)) continue
        seen.add(next)
        if (reaches(next, to, seen)) return true
      }
      return false
    }
    const cycles = [...imports.keys()].filter((folder) => reaches(folder, folder))
    expect(cycles).toEqual([])
  })

  it('keeps only the entry point and the app at the root of src/', () => {
    const loose = readdirSync(path.join(packageRoot, 'src')).filter((name) => name.endsWith('.ts'))
    expect(loose.sort()).toEqual(['app.ts', 'server.ts'])
  })
})

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import { fixtureLocalesDir } from './fixture-content.js'

// Locale JSON as a test edits it: any shape, since tests break it on purpose.
// biome-ignore lint/suspicious/noExplicitAny: tests reach into arbitrary locale JSON
type Json = any

const copies: string[] = []
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A throwaway copy of `locales/` for a test to break; removed after the test. */
export function copyLocales(): {
  dir: string
  edit: (file: string, change: (json: Json) => void) => void
  write: (file: string, text: string) => void
  /** Changes the notice's text as staff write it and as published in version 2024 alike. */
  editNotice: (lng: string, change: (json: Json) => void) => void
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'locales-'))
  copies.push(dir)
  cpSync(fixtureLocalesDir, dir, { recursive: true })
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text)
  const edit = (file: string, change: (json: Json) => void) => {
    const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8'))
    change(json)
    write(file, JSON.stringify(json, null, 2))
  }
  return {
    dir,
    write,
    edit,
    editNotice: (lng, change) => {
      edit(`${lng}/draft.json`, change)
      edit(`${lng}/versions/2024.json`, change)
    },
  }
}

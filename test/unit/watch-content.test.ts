import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type ContentWatch, watchContent } from '../../src/reload/watch-content.js'
import { fixtureLocalesDir, fixtureSiteConfig } from '../helpers/fixture-content.js'
import { saves } from '../helpers/saves.js'

const open: ContentWatch[] = []
afterEach(() => {
  for (const watch of open.splice(0)) watch.close()
})

/** A watch on a copy of the content that compares file states only once a minute: events alone. */
function watchedCopy() {
  const dir = mkdtempSync(path.join(tmpdir(), 'watched-'))
  cpSync(fixtureLocalesDir, path.join(dir, 'locales'), { recursive: true })
  cpSync(fixtureSiteConfig, path.join(dir, 'site.json'))
  const changes: string[] = []
  const errors: string[] = []
  open.push(
    watchContent({
      localesDir: path.join(dir, 'locales'),
      siteConfigPath: path.join(dir, 'site.json'),
      onChange: (files) => changes.push(...files),
      onError: (folder) => errors.push(folder),
      intervalMs: 60_000,
    }),
  )
  const seen = async (count: number) => {
    for (let tries = 0; tries < 40 && changes.length < count; tries++)
      await new Promise((resolve) => setTimeout(resolve, 25))
    return changes.length >= count
  }
  return { dir, changes, errors, seen, done: () => rmSync(dir, { recursive: true, force: true }) }
}

describe('watching the content folders, by their events alone', () => {
  it.each(saves)('sees a save made by %s, and an in-place save after it', async (_how, save) => {
    const copy = watchedCopy()
    const file = path.join(copy.dir, 'locales', 'nb', 'contact.json')
    save(file, readFileSync(file, 'utf8').replace('Kontakt', 'Kontakt oss'))
    expect(await copy.seen(1)).toBe(true)
    const before = copy.changes.length
    writeFileSync(file, readFileSync(file, 'utf8').replace('Kontakt oss', 'Kontakt'))
    expect(await copy.seen(before + 1)).toBe(true)
    expect(copy.changes.at(-1)).toBe(path.join(copy.dir, 'locales', 'nb', 'contact.json'))
    expect(copy.errors).toEqual([])
    copy.done()
  })

  it('sees a save of the site configuration, and a file in a new language folder', async () => {
    const copy = watchedCopy()
    writeFileSync(path.join(copy.dir, 'site.json'), readFileSync(fixtureSiteConfig, 'utf8'))
    expect(await copy.seen(1)).toBe(true)
    cpSync(path.join(copy.dir, 'locales', 'en'), path.join(copy.dir, 'locales', 'de'), {
      recursive: true,
    })
    expect(await copy.seen(2)).toBe(true)
    const before = copy.changes.length
    await new Promise((resolve) => setTimeout(resolve, 100))
    writeFileSync(path.join(copy.dir, 'locales', 'de', 'common.json'), '{}')
    expect(await copy.seen(before + 1)).toBe(true)
    copy.done()
  })
})

import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/config/paths.js'
import { parseSiteConfig } from '../../src/config/site-config.js'

const text = (file: string) => readFileSync(path.join(packageRoot, file), 'utf8')
// Strict JSON on purpose: VS Code would take comments here, other tools and this test do not.
const read = (file: string) => JSON.parse(text(file))

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true })
ajv.addVocabulary(['markdownDescription', 'patternErrorMessage'])
const draftSchema = ajv.compile(read('schemas/draft.schema.json'))
const siteSchema = ajv.compile(read('schemas/site-config.schema.json'))

interface Snippet {
  scope: string
  prefix: string | string[]
  description: string
  body: string[]
}
const snippets: Record<string, Snippet> = read('.vscode/privacy-site.code-snippets')

const snippetFor = (prefix: string): Snippet => {
  const found = Object.values(snippets).filter((snippet) =>
    [snippet.prefix].flat().includes(prefix),
  )
  expect(found, `one snippet with the prefix "${prefix}"`).toHaveLength(1)
  return found[0] as Snippet
}

/** The text a snippet inserts when every placeholder keeps its default (or the choice given). */
function expand(snippet: Snippet, choose: (options: string[]) => string = (o) => o[0] ?? '') {
  const inserted = snippet.body
    .join('\n')
    .replace(/\$\{\d+\|([^|]*)\|\}/g, (_, options: string) => choose(options.split(',')))
    .replace(/\$\{\d+:([^}$]*)\}/g, '$1')
    .replace(/\$\{?\d+\}?/g, '')
  // Anything left is a placeholder VS Code would read differently from this test.
  expect(inserted).not.toContain('$')
  return inserted
}

/** Every way of filling a snippet's choices: the first option of each, then each option once. */
function choices(snippet: Snippet): string[] {
  const lists = [...snippet.body.join('\n').matchAll(/\$\{\d+\|([^|]*)\|\}/g)].map((match) =>
    (match[1] ?? '').split(','),
  )
  const variants = new Set([expand(snippet)])
  lists.forEach((options, index) => {
    for (const option of options) {
      let seen = -1
      variants.add(
        expand(snippet, (list) => {
          seen += 1
          return seen === index ? option : (list[0] ?? '')
        }),
      )
    }
  })
  return [...variants]
}

describe('the snippets for VS Code', () => {
  it('are JSON snippets with a prefix and a description each', () => {
    const all = Object.values(snippets)
    expect(all.length).toBeGreaterThanOrEqual(2)
    for (const snippet of all) {
      expect(snippet.scope).toBe('json')
      expect([snippet.prefix].flat().length).toBeGreaterThan(0)
      expect(snippet.description.trim()).not.toBe('')
      expect(snippet.body.every((line) => typeof line === 'string')).toBe(true)
    }
  })

  it('"section" inserts a section the draft schema accepts', () => {
    const inserted = expand(snippetFor('section'))
    const section = JSON.parse(`{${inserted}}`)
    expect(Object.keys(section)).toHaveLength(1)
    const draft = read('test/fixtures/content/locales/nb/draft.json')
    const before = Object.keys(draft.sections).length
    Object.assign(draft.sections, section)
    expect(Object.keys(draft.sections)).toHaveLength(before + 1)
    expect(draftSchema(draft), JSON.stringify(draftSchema.errors)).toBe(true)
  })

  it('"section" fails the schema when its text is left empty', () => {
    const snippet = snippetFor('section')
    const emptied = {
      ...snippet,
      body: snippet.body.map((line) => line.replace(/\$\{3:[^}]*\}/, '')),
    }
    const draft = read('test/fixtures/content/locales/nb/draft.json')
    Object.assign(draft.sections, JSON.parse(`{${expand(emptied)}}`))
    expect(draftSchema(draft)).toBe(false)
  })

  it.each(
    choices(snippetFor('cookie')).map((inserted) => {
      const { category, site } = JSON.parse(inserted)
      return [`${category}, ${site}`, inserted]
    }),
  )('"cookie" inserts an entry the schema and the checker accept (%s)', (_choice, inserted) => {
    const entry = JSON.parse(inserted)
    expect(Object.keys(entry.purpose)).toEqual(['nb', 'en', 'zh'])
    const site = read('test/fixtures/site-optional-cookies.json')
    site.cookieInventory.push(entry)
    expect(siteSchema(site), JSON.stringify(siteSchema.errors)).toBe(true)
    expect(parseSiteConfig(site).problems).toEqual([])
  })
})

describe('the recommended VS Code settings', () => {
  const settings = read('.vscode/settings.json')

  it('keep files in UTF-8 and never reflow the JSON files staff edit', () => {
    expect(settings['files.encoding']).toBe('utf8')
    expect(settings['files.autoGuessEncoding']).toBe(false)
    expect(settings['[json]']['editor.formatOnSave']).toBe(false)
    expect(settings['json.validate.enable']).toBe(true)
  })

  it('show the invisible characters the checker warns about', () => {
    expect(settings['editor.unicodeHighlight.invisibleCharacters']).toBe(true)
    expect(settings['editor.renderControlCharacters']).toBe(true)
  })

  it('recommend extensions in plain JSON', () => {
    expect(Array.isArray(read('.vscode/extensions.json').recommendations)).toBe(true)
  })
})

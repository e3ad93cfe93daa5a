import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/config/paths.js'
import { parseSiteConfig } from '../../src/config/site-config.js'

const read = (file: string) => JSON.parse(readFileSync(path.join(packageRoot, file), 'utf8'))
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true })
// What VS Code shows while staff type: the hover text, and the message for a text that does not
// match its pattern. Annotations only: they change nothing a schema accepts.
ajv.addVocabulary(['markdownDescription', 'patternErrorMessage'])

type SchemaNode = { [key: string]: unknown }

/** Every subschema of every file in schemas/ that has a pattern or a pattern message. */
const patterned = readdirSync(path.join(packageRoot, 'schemas')).flatMap((file) => {
  const found: { at: string; node: SchemaNode }[] = []
  const walk = (value: unknown, at: string) => {
    if (typeof value !== 'object' || value === null) return
    const node = value as SchemaNode
    if ('pattern' in node || 'patternErrorMessage' in node) found.push({ at, node })
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'enum' && key !== 'required') walk(child, `${at}/${key}`)
    }
  }
  walk(read(`schemas/${file}`), `schemas/${file}#`)
  return found
})

/** Every data file staff edit, each with the schema it names in `$schema`. */
const dataFiles = [
  'config/site.json',
  'locales/sections.json',
  'locales/versions.json',
  ...['nb', 'en', 'zh'].flatMap((lng) =>
    readdirSync(path.join(packageRoot, 'locales', lng), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.json'))
      .map((file) => `locales/${lng}/${file}`),
  ),
  ...readdirSync(path.join(packageRoot, 'test/fixtures'))
    .filter((file) => file.startsWith('site-'))
    .map((file) => `test/fixtures/${file}`),
]

const validatorFor = (file: string) => {
  const reference = read(file).$schema as string
  const schemaFile = path.relative(
    packageRoot,
    path.resolve(packageRoot, path.dirname(file), reference),
  )
  return { schemaFile, validate: ajv.compile(read(schemaFile)) }
}

describe('JSON Schemas for editors', () => {
  it.each(dataFiles)('%s names its schema, and is valid against it', (file) => {
    const { schemaFile, validate } = validatorFor(file)
    expect(schemaFile).toMatch(/^schemas\/[\w-]+\.schema\.json$/)
    const valid = validate(read(file))
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('find every pattern, in the files staff edit most', () => {
    const files = new Set(patterned.map(({ at }) => at.split('#')[0]))
    expect(patterned.length).toBeGreaterThanOrEqual(30)
    expect([...files].sort()).toEqual(
      ['common', 'cookies', 'draft', 'policy-version', 'sections', 'site-config', 'versions'].map(
        (name) => `schemas/${name}.schema.json`,
      ),
    )
  })

  it.each(patterned.map(({ at, node }) => [at, node] as const))(
    '%s explains its pattern in plain words',
    (_at, node) => {
      expect(typeof node.pattern).toBe('string')
      for (const key of ['description', 'markdownDescription', 'patternErrorMessage']) {
        expect(typeof node[key], key).toBe('string')
        expect(String(node[key]).trim(), key).not.toBe('')
      }
      // A message says what to write, never the pattern itself.
      expect(node.patternErrorMessage).not.toContain(String(node.pattern))
      expect(node.patternErrorMessage).not.toMatch(/\\[dsSw]|\[\^|\(\?/)
    },
  )

  it.each([
    ['+47 22 00 00 00', true],
    ['22 00 00 00', true],
    ['+47 (22) 00-00-00', true],
    ['+47 22 OO 00 00', false],
    ['1234', false],
    ['ring oss', false],
  ])('take the phone number %s as the checker does (%s)', (phone, valid) => {
    const { validate } = validatorFor('config/site.json')
    const site = read('config/site.json')
    site.contact.phone = phone
    expect(validate(site)).toBe(valid)
    expect(parseSiteConfig(site).problems.length === 0).toBe(valid)
  })

  it('catch the mistakes the checker names, while staff type', () => {
    const { validate } = validatorFor('config/site.json')
    const site = read('config/site.json')
    site.cookieInventory = [
      {
        name: '_ga',
        provider: 'Google',
        purpose: { nb: 'x' },
        category: 'tracking',
        duration: '2 years',
        site: 'other',
      },
    ]
    expect(validate(site)).toBe(false)
    const paths = (validate.errors ?? []).map((error) => error.instancePath)
    expect(paths).toContain('/cookieInventory/0/category')
    expect(paths).toContain('/cookieInventory/0/duration')

    const policy = validatorFor('locales/nb/draft.json')
    const text = read('locales/nb/draft.json')
    text.sections.about.heading = ''
    expect(policy.validate(text)).toBe(false)
    expect((policy.validate.errors ?? []).map((error) => error.instancePath)).toEqual([
      '/sections/about/heading',
    ])

    const versions = validatorFor('locales/versions.json')
    const list = read('locales/versions.json')
    list.versions.push({ effective: '2027-13-01', updated: '2026' })
    expect(versions.validate(list)).toBe(false)
    expect((versions.validate.errors ?? []).map((error) => error.instancePath)).toEqual([
      `/versions/${list.versions.length - 1}/effective`,
    ])

    const version = validatorFor('locales/nb/versions/2024.json')
    const published = read('locales/nb/versions/2024.json')
    published.summary = ''
    expect(version.validate(published)).toBe(false)
    expect((version.validate.errors ?? []).map((error) => error.instancePath)).toEqual(['/summary'])
  })
})

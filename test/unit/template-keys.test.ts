import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildSite } from '../../src/build/build-site.js'
import { defaultSources } from '../../src/build/site-sources.js'
import { loadConfig } from '../../src/config/environment.js'
import { packageRoot } from '../../src/config/paths.js'
import type { Translate } from '../../src/content/locales.js'
import { quickCompression } from '../../src/prepare/prepared-response.js'

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(extension))
    .map((file) => path.join(dir, file))
}

/** Every `t('namespace:key')` with a literal key, in the templates and in the code. */
function usedKeys(): { file: string; key: string }[] {
  const files = [
    ...filesUnder(path.join(packageRoot, 'views'), '.ejs'),
    ...filesUnder(path.join(packageRoot, 'src'), '.ts'),
  ]
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-z]+:[\w.-]+)'/g)].map((match) => ({
      file: path.relative(packageRoot, file),
      key: match[1] ?? '',
    })),
  )
}

describe('keys used by templates and code', () => {
  const keys = usedKeys()

  it('finds the keys the templates use', () => {
    expect(keys.length).toBeGreaterThan(25)
    expect(keys.map((entry) => entry.key)).toContain('cookies:table.purpose')
  })

  it('exist in the locale files of every language', async () => {
    // The shipped content, as staff left it.
    const { config } = loadConfig({ NODE_ENV: 'test' })
    const { content } = await buildSite(config, {
      ...defaultSources,
      compression: quickCompression,
    })
    const exists = (t: Translate, key: string) => {
      try {
        return typeof t(key, { count: 1 }) === 'string'
      } catch {
        return false
      }
    }
    const missing = content.languages.flatMap(({ lng, t }) =>
      keys.filter(({ key }) => !exists(t, key)).map(({ file, key }) => `${lng} ${file}: ${key}`),
    )
    expect(missing).toEqual([])
  })
})

import { createHash } from 'node:crypto'
import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { errorKinds } from '../../src/config/error-kinds.js'
import { bestCompression, type PreparedResponse } from '../../src/prepare/prepared-response.js'
import { fixtureLocalesDir } from '../helpers/fixture-content.js'
import { createTestSite, fixture } from '../helpers/test-site.js'
import { beforeVersion2027, versionedLocales } from '../helpers/versions.js'

/**
 * Every prepared response (each path, consent variant, encoding, and each error page) as a
 * digest of its status, header lines and body, for the test content at a fixed moment. The
 * snapshot was taken before the build was restructured: the same content must keep giving the
 * same bytes. A deliberate change of a page updates it with `npx vitest run -u`.
 */
function digest(response: PreparedResponse): string {
  const hash = createHash('sha256').update(String(response.status))
  for (const encoding of ['identity', 'br', 'gzip'] as const) {
    const representation = response.representations[encoding]
    hash.update(representation.headers.join('\n')).update(representation.body)
    hash.update(representation.notModifiedHeaders.join('\n'))
  }
  return hash.digest('base64url').slice(0, 22)
}

const versioned = versionedLocales()
afterAll(() => rmSync(versioned, { recursive: true, force: true }))

describe.each([
  ['the test content', {}, fixtureLocalesDir],
  ['optional cookies', { SITE_CONFIG: fixture('site-optional-cookies.json') }, fixtureLocalesDir],
  ['a version announced', {}, versioned],
])('%s', (_name, env, localesDir) => {
  it('gives the same bytes for every prepared path and error page', async () => {
    const { site } = await createTestSite({
      env,
      sources: { localesDir, compression: bestCompression },
      now: beforeVersion2027,
    })
    const digests: Record<string, string> = {}
    for (const path of site.responses.paths) {
      const entry = site.responses.get(path)
      if (!entry) throw new Error(`no entry for ${path}`)
      digests[path] = digest(entry.response)
      for (const [key, variant] of entry.variants) digests[`${path} [${key}]`] = digest(variant)
    }
    for (const lng of site.responses.languages) {
      for (const kind of errorKinds)
        digests[`error ${kind} ${lng}`] = digest(site.responses.error(kind, lng))
    }
    expect(digests).toMatchSnapshot()
  })
})

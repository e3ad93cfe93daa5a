import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/config/paths.js'

describe('npm run build', () => {
  it('refuses content with errors, names each at its place, and exits 1: a deploy never ships it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'build-refuses-'))
    const siteConfig = path.join(dir, 'site.json')
    writeFileSync(siteConfig, '{ "languages": ["nb", "en", "zh"], }')
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/prepare.ts'], {
      cwd: packageRoot,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, SITE_CONFIG: siteConfig },
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('npm run build refuses content with errors')
    expect(result.stderr).toMatch(/site\.json:1:\d+ {2}error {2}JSON syntax/)
    expect(result.stdout).not.toContain('prepared')
  })
})

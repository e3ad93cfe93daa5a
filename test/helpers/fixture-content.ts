import path from 'node:path'
import { packageRoot } from '../../src/config/paths.js'

/**
 * The content the HTTP and rendering tests run on: a copy of the site's locale files and site
 * configuration kept under test/fixtures, so that staff editing `locales/` or `config/` (a new
 * version, a new section, a new language) never changes what these tests see.
 */
export const fixtureContentDir = path.join(packageRoot, 'test', 'fixtures', 'content')
export const fixtureLocalesDir = path.join(fixtureContentDir, 'locales')
export const fixtureSiteConfig = path.join(fixtureContentDir, 'site.json')

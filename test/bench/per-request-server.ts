// Baseline (c): the same pages rendered per request with EJS and i18next, the way a plain Express
// app works: helmet and compression middleware, render on every request, compress on the fly.
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import { checkSources } from '../../src/check/check-sources.js'
import { loadConfig } from '../../src/config/environment.js'
import { localesDir, publicDir, viewsDir } from '../../src/config/paths.js'
import { buildContent } from '../../src/content/content-model.js'
import { readSources } from '../../src/read/read-sources.js'
import { assetsOf } from '../../src/render/assets.js'
import { consentViews } from '../../src/render/consent-view.js'
import { createPageRenderer } from '../../src/render/page-renderer.js'
import { pageTable } from '../../src/render/page-table.js'
import { compileTemplates } from '../../src/render/templates.js'

const { config } = loadConfig({ ...process.env, NODE_ENV: 'production' })
const sources = readSources({
  localesDir,
  publicDir,
  viewsDir,
  siteConfigPath: config.siteConfigPath,
})
const checked = checkSources(sources, { mode: 'production', now: new Date() })
if (checked.errors.length > 0 || !checked.site)
  throw new Error('the content has errors: run npm run check')
const content = await buildContent(checked.site, checked.documents, new Date())
const templates = compileTemplates(viewsDir, sources.views)
const renderer = createPageRenderer(
  templates,
  content,
  assetsOf(sources.assets, config.baseUrl),
  config.baseUrl,
)
const pages = new Map([...pageTable(content)].map((entry) => [entry.path, entry]))

const app = express()
app.disable('x-powered-by')
app.use(helmet())
app.use(compression())
app.get('/:lng/{:page}', (req, res, next) => {
  const entry = pages.get(req.path)
  if (!entry) {
    next()
    return
  }
  const [consent] = consentViews(content.consent, content.site.cookieInventory, entry.language)
  if (!consent) throw new Error('no consent view')
  res.type('html').set('Cache-Control', 'public, max-age=300').send(renderer.page(entry, consent))
})
app.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'))

// Baseline (c): the same pages rendered per request with EJS and i18next, the way a plain Express
// app works: helmet and compression middleware, render on every request, compress on the fly.
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import { loadConfig } from '../../src/config.js'
import { consentViews } from '../../src/consent/consent-view.js'
import { loadContent } from '../../src/content/load-content.js'
import { localesDir, publicDir, viewsDir } from '../../src/paths.js'
import { loadAssets } from '../../src/render/assets.js'
import { createPageRenderer } from '../../src/render/page-renderer.js'
import { isPageName, type PageName } from '../../src/site-pages.js'

const { config } = loadConfig({ ...process.env, NODE_ENV: 'production' })
const content = await loadContent(localesDir, config.site, new Date())
const renderer = createPageRenderer(viewsDir, content, loadAssets(publicDir), config.baseUrl)

const app = express()
app.disable('x-powered-by')
app.use(helmet())
app.use(compression())
app.get('/:lng/{:page}', (req, res, next) => {
  const language = content.languages.find((candidate) => candidate.lng === req.params.lng)
  const page: PageName = req.params.page === undefined ? 'policy' : (req.params.page as PageName)
  if (!language || !isPageName(page)) {
    next()
    return
  }
  const [consent] = consentViews(content.consent, config.site.cookieInventory, language, {
    withConfirmation: false,
  })
  if (!consent) throw new Error('no consent view')
  res
    .type('html')
    .set('Cache-Control', 'public, max-age=300')
    .send(renderer.page(language, page, consent))
})
app.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'))

// The last line of npm test: the browser checks are separate, and say so plainly.
import { existsSync } from 'node:fs'
import { chromiumPath, installHint } from './browser.js'

const commands = 'npm run test:e2e, npm run validate:html and npm run audit'
if (existsSync(chromiumPath)) {
  console.log(`Browser checks are not part of npm test: run ${commands} (CI runs them).`)
} else {
  console.log(
    `Browser checks skipped: Chromium not found at ${chromiumPath}. To run ${commands}, ${installHint}.`,
  )
}

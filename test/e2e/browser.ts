import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { defaultChromiumPath, launchChromium } from '../../src/scan/scan-browser.js'

/** Debian's Chromium: nothing is downloaded here, the browser comes from the system. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? defaultChromiumPath

export const installHint =
  'install Chromium and Java from Debian: apt-get update && apt-get install -y chromium default-jre-headless'

/** True when the browser tests can run. In CI a missing browser is a failure, never a skip. */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true
  if (process.env.CI) throw new Error(`Chromium is missing at ${chromiumPath}: ${installHint}`)
  console.warn(`Browser tests skipped: Chromium not found at ${chromiumPath}; ${installHint}`)
  return false
}

export function launchBrowser(): Promise<Browser> {
  return launchChromium(chromiumPath)
}

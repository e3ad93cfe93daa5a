import { type Browser, chromium } from 'playwright-core'

/** Debian's Chromium, for the scan and the browser tests alike: nothing is downloaded. */
export const defaultChromiumPath = '/usr/bin/chromium'

/** Headless, and none of the background connections this machine's closed network refuses. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: chromiumArgs })
}

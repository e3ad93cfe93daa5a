import type { IncomingMessage, ServerResponse } from 'node:http'
import helmet from 'helmet'
import type { HeaderList } from './prepared-response.js'

function helmetFor(production: boolean, scripts: readonly string[]) {
  // A strict policy: the pages load only our own stylesheet and icon, run no script, and may be
  // framed by no one. Every resource comes from this origin, so nothing reaches a third party.
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        ...(scripts.length > 0 ? { scriptSrc: [...scripts] } : {}),
        styleSrc: ["'self'"],
        // No script of ours fetches anything; tools that read /robots.txt from the page (as
        // Lighthouse does) need this, and it reaches no other origin.
        connectSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: production ? { maxAge: 63072000, includeSubDomains: true } : false,
    // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on our own
    // form posts, and the origin check could not tell them from a cross-site post.
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  })
}

// Every powerful feature off: the pages need none of them.
const permissionsPolicy = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'interest-cohort',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'sync-xhr',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ')

/**
 * The security headers of every response, worked out once: helmet's headers (which depend on
 * configuration, never on the request) captured into a list, plus a Permissions-Policy.
 */
export function securityHeaderList(options: {
  production: boolean
  /** Script URLs a consented page loads; CSP allows exactly these and nothing else. */
  scripts?: readonly string[]
}): HeaderList {
  const captured: [string, string][] = []
  const recorder = {
    setHeader(name: string, value: string) {
      captured.push([name, String(value)])
    },
    removeHeader(name: string) {
      const index = captured.findIndex(
        ([existing]) => existing.toLowerCase() === name.toLowerCase(),
      )
      if (index >= 0) captured.splice(index, 1)
    },
  }
  let finished = false
  helmetFor(options.production, options.scripts ?? [])(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    () => {
      finished = true
    },
  )
  if (!finished) throw new Error('helmet did not finish synchronously')
  captured.push(['Permissions-Policy', permissionsPolicy])
  return captured
}

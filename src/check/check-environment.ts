import { ConfigError } from '../config/config-error.js'
import {
  type Environment,
  parseBaseUrl,
  parseCookieSecret,
  parseEnvironment,
  parseMaxConnections,
  parsePort,
  parseTrustProxyHops,
} from '../config/environment.js'
import { parseMailFrom, parseSmtpUrl } from '../config/mail-environment.js'
import type { Finding } from './findings.js'

/** The environment variables, checked as the server reads them; each problem is a finding. */
export function checkEnvironment(env: NodeJS.ProcessEnv): {
  findings: Finding[]
  mode: Environment
} {
  const findings: Finding[] = []
  const environment = <T>(variable: string, check: () => T): T | undefined => {
    try {
      return check()
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      findings.push({
        file: `(environment) ${variable}`,
        line: 1,
        column: 1,
        level: 'error',
        message: error.message,
      })
      return undefined
    }
  }
  const mode = environment('NODE_ENV', () => parseEnvironment(env.NODE_ENV)) ?? 'development'
  const port = environment('PORT', () => parsePort(env.PORT))
  environment('BASE_URL', () => parseBaseUrl(env.BASE_URL, port ?? 3000, mode))
  environment('COOKIE_SECRET', () => parseCookieSecret(env.COOKIE_SECRET, mode))
  environment('TRUST_PROXY_HOPS', () => parseTrustProxyHops(env.TRUST_PROXY_HOPS))
  environment('MAX_CONNECTIONS', () => parseMaxConnections(env.MAX_CONNECTIONS))
  const smtpUrl = environment('SMTP_URL', () => parseSmtpUrl(env.SMTP_URL))
  environment('MAIL_FROM', () =>
    parseMailFrom(env.MAIL_FROM, smtpUrl ?? (env.SMTP_URL || undefined)),
  )
  return { findings, mode }
}

import path from 'node:path'
import { ConfigError } from './config-error.js'
import { parseDatabaseUrl } from './database-url.js'
import { parseMailFrom, parseSmtpUrl } from './mail-environment.js'
import { defaultSiteConfigPath, lastGoodContentPath, packageRoot } from './paths.js'

export type Environment = 'production' | 'development' | 'test'

export interface Config {
  readonly env: Environment
  readonly port: number
  readonly host: string
  /** The public origin and path prefix of the site, without a trailing slash. */
  readonly baseUrl: string
  /** The site configuration file, read with the content at every build. */
  readonly siteConfigPath: string
  /** Where the last content that passed the checker is kept (LAST_GOOD_CONTENT). */
  readonly lastGoodContentPath: string
  /** Signs the consent cookie; from COOKIE_SECRET, required in production. */
  readonly cookieSecret: string
  /** How many proxies stand in front of the server, for the client address (`trust proxy`). */
  readonly trustProxyHops: number
  /** Connections served at once; more are refused until some close (MAX_CONNECTIONS). */
  readonly maxConnections: number
  /** The mail server the emails to visitors go through (SMTP_URL); none: the outbox folder. */
  readonly smtpUrl: string | undefined
  /** The sender of those emails (MAIL_FROM); required with SMTP_URL. */
  readonly mailFrom: string
  /** Seals the tokens in queued emails and keys the request limits (REQUESTS_SECRET). */
  readonly requestsSecret: string | undefined
  /** The records' database (DATABASE_URL, postgres://…); none: SQLite in the data folder. */
  readonly databaseUrl: string | undefined
  /** Where records are kept without DATABASE_URL, and emails without SMTP_URL (DATA_DIR; data/). */
  readonly dataDir: string
}

export interface LoadedConfig {
  readonly config: Config
}

export function parseEnvironment(value: string | undefined): Environment {
  if (value === undefined || value === '') return 'development'
  if (value === 'production' || value === 'development' || value === 'test') return value
  throw new ConfigError(`NODE_ENV "${value}" must be production, development or test`)
}

export function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000
  const port = Number(value)
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT "${value}" must be a whole number from 1 to 65535`)
  }
  return port
}

export function parseBaseUrl(value: string | undefined, port: number, env: Environment): string {
  if (value === undefined || value === '') {
    if (env === 'production') {
      // Canonical links, the sitemap and the form's origin check all need the public address.
      throw new ConfigError(
        'BASE_URL is required in production: the public address, such as https://personvern.example.no',
      )
    }
    return `http://localhost:${port}`
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(`BASE_URL "${value}" must be an absolute URL such as https://example.no`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`BASE_URL "${value}" must start with https:// or http://`)
  }
  if (url.search || url.hash || url.username || url.password || url.pathname !== '/') {
    throw new ConfigError(
      `BASE_URL "${value}" must be the site's origin only, such as https://personvern.example.no, with no path, query or credentials`,
    )
  }
  return url.origin
}

/** Outside production a fixed secret keeps consent cookies valid across restarts; never in production. */
const developmentCookieSecret = 'development-only-cookie-secret-not-for-production'

export function parseCookieSecret(value: string | undefined, env: Environment): string {
  if (value === undefined || value === '') {
    if (env === 'production') {
      throw new ConfigError(
        'COOKIE_SECRET is required in production: a random text of at least 32 characters',
      )
    }
    return developmentCookieSecret
  }
  if (value.length < 32) throw new ConfigError('COOKIE_SECRET must be at least 32 characters long')
  return value
}

export function parseTrustProxyHops(value: string | undefined): number {
  if (value === undefined || value === '') return 0
  if (!/^\d{1,2}$/.test(value)) {
    throw new ConfigError(
      `TRUST_PROXY_HOPS "${value}" must be the number of proxies in front of the server, such as 0 or 1`,
    )
  }
  return Number(value)
}

/** Default: well above what slow clients hold within the timeouts, below common descriptor limits. */
export const defaultMaxConnections = 10_000

export function parseMaxConnections(value: string | undefined): number {
  if (value === undefined || value === '') return defaultMaxConnections
  if (!/^\d{1,7}$/.test(value) || Number(value) < 1) {
    throw new ConfigError(
      `MAX_CONNECTIONS "${value}" must be the number of connections served at once, such as 10000`,
    )
  }
  return Number(value)
}

/** REQUESTS_SECRET, when set: at least 32 characters. Whether it is required depends on the site. */
export function parseRequestsSecret(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  if (value.length < 32) {
    throw new ConfigError('REQUESTS_SECRET must be at least 32 characters long')
  }
  return value
}

/** The site configuration file: SITE_CONFIG (relative to the project), or config/site.json. */
export function siteConfigPathFrom(environment: NodeJS.ProcessEnv): string {
  return environment.SITE_CONFIG
    ? path.resolve(packageRoot, environment.SITE_CONFIG)
    : defaultSiteConfigPath
}

/** DATA_DIR (relative to the project), or data/: the SQLite file and the mail outbox. */
export function dataDirFrom(environment: NodeJS.ProcessEnv): string {
  return environment.DATA_DIR
    ? path.resolve(packageRoot, environment.DATA_DIR)
    : path.join(packageRoot, 'data')
}

/** Parses the environment once, into a frozen value; the site configuration is content. */
export function loadConfig(environment: NodeJS.ProcessEnv): LoadedConfig {
  const env = parseEnvironment(environment.NODE_ENV)
  const port = parsePort(environment.PORT)
  const smtpUrl = parseSmtpUrl(environment.SMTP_URL)
  const config: Config = Object.freeze({
    env,
    port,
    host: environment.HOST || '0.0.0.0',
    baseUrl: parseBaseUrl(environment.BASE_URL, port, env),
    siteConfigPath: siteConfigPathFrom(environment),
    lastGoodContentPath: environment.LAST_GOOD_CONTENT
      ? path.resolve(packageRoot, environment.LAST_GOOD_CONTENT)
      : lastGoodContentPath,
    cookieSecret: parseCookieSecret(environment.COOKIE_SECRET, env),
    trustProxyHops: parseTrustProxyHops(environment.TRUST_PROXY_HOPS),
    maxConnections: parseMaxConnections(environment.MAX_CONNECTIONS),
    smtpUrl,
    mailFrom: parseMailFrom(environment.MAIL_FROM, smtpUrl),
    requestsSecret: parseRequestsSecret(environment.REQUESTS_SECRET),
    databaseUrl: parseDatabaseUrl(environment.DATABASE_URL),
    dataDir: dataDirFrom(environment),
  })
  return { config }
}

import { hkdfSync } from 'node:crypto'
import { ConfigError } from '../config/config-error.js'
import type { Config } from '../config/environment.js'
import { sealingKeyFrom } from '../store/sealed-payload.js'

/** Outside production a fixed secret keeps queued emails sendable across restarts; never in production. */
const developmentRequestsSecret = 'development-only-requests-secret-not-for-production'

export interface RequestSecrets {
  /** Seals the tokens the queued emails carry. */
  readonly sealingKey: Buffer
  /** Keys the limit counters, so that no address is kept. */
  readonly limitSecret: Buffer
}

/**
 * The keys of the request form, from REQUESTS_SECRET. Every process sharing one database needs
 * the same secret: another one could not send the emails queued by the first.
 */
export function requestSecretsFrom(config: Pick<Config, 'env' | 'requestsSecret'>): RequestSecrets {
  const secret = config.requestsSecret
  if (secret === undefined && config.env === 'production') {
    throw new ConfigError(
      'REQUESTS_SECRET is required in production with privacy requests on: a random text of at least 32 characters, the same for every server process',
    )
  }
  const given = secret ?? developmentRequestsSecret
  return {
    sealingKey: sealingKeyFrom(given),
    limitSecret: Buffer.from(hkdfSync('sha256', given, '', 'privacy-request limits', 32)),
  }
}

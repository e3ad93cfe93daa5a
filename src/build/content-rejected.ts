import { type Finding, formatFinding } from '../check/findings.js'
import { ConfigError } from '../config/config-error.js'

/** Content the checker refused: the message names the first error, `errors` holds them all. */
export class ContentRejected extends ConfigError {
  override name = 'ContentRejected'
  constructor(readonly errors: readonly Finding[]) {
    const [first] = errors
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more: run npm run check)` : ''
    super(`${first ? formatFinding(first) : 'the content has errors'}${more}`)
  }
}

/** A problem with configuration or content that stops the server at start, named in one line. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

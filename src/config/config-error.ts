/** A problem with configuration or content that stops the server at start, named in one line. */
export class ConfigError extends Error {
  override name = 'ConfigError'
  /** The problem as first stated, kept apart from context that others add to `message`. */
  readonly problem: string

  constructor(problem: string) {
    super(problem)
    this.problem = problem
  }
}

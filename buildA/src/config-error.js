/** A problem with configuration or content that stops the server at start, named in one line. */
export class ConfigError extends Error {
    name = 'ConfigError';
    /** The problem as first stated, kept apart from context that others add to `message`. */
    problem;
    constructor(problem) {
        super(problem);
        this.problem = problem;
    }
}
//# sourceMappingURL=config-error.js.map
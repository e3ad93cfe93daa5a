/** An error that carries the status the visitor should get, such as 400 for a malformed URL. */
export class HttpError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
        this.name = 'HttpError';
    }
}
/** The status for any error: a 4xx the error carries (ours or Express's), otherwise 500. */
export function statusOf(error) {
    const candidate = error ?? {};
    const status = Number(candidate.status ?? candidate.statusCode);
    return Number.isInteger(status) && status >= 400 && status < 500 ? status : 500;
}
//# sourceMappingURL=http-error.js.map
import { randomBytes } from 'node:crypto';
import { pathOf } from './url-path.js';
const processTag = randomBytes(4).toString('hex');
let counter = 0;
/**
 * One line per answered request: an id, method, path, status and duration. Never the query
 * string (it could hold personal data), cookies, the user agent or the client address.
 */
export function logAnswered(logger, req, status, started) {
    logger.info('request', {
        id: `${processTag}-${(++counter).toString(36)}`,
        method: req.method,
        path: pathOf(req.url).slice(0, 256),
        status,
        ms: Math.round((performance.now() - started) * 100) / 100,
    });
}
/** For responses whose end is not known here: log when the response has been sent. */
export function logWhenFinished(logger, req, res) {
    const started = performance.now();
    res.once('finish', () => logAnswered(logger, req, res.statusCode, started));
}
//# sourceMappingURL=request-log.js.map
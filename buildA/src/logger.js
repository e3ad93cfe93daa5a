import pino from 'pino';
/**
 * Collects the log lines of one turn of the event loop and writes them to stdout together when
 * the turn ends: a busy server makes one system call for the several requests of a turn, and
 * the lines die young instead of piling up in memory until a large block is full.
 */
function bufferedStdout() {
    let lines = [];
    let scheduled = false;
    const flushSync = () => {
        scheduled = false;
        if (lines.length === 0)
            return;
        const block = lines.length === 1 ? lines[0] : lines.join('');
        lines = [];
        process.stdout.write(block);
    };
    return {
        write(line) {
            lines.push(line);
            if (!scheduled) {
                scheduled = true;
                setImmediate(flushSync);
            }
        },
        flushSync,
    };
}
/** pino, as JSON lines on stdout. Never given an IP address, a cookie or a query string. */
export function createLogger() {
    const destination = bufferedStdout();
    const log = pino({
        base: null,
        messageKey: 'message',
        formatters: { level: (label) => ({ level: label }) },
    }, destination);
    return {
        info: (message, fields) => log.info(fields ?? {}, message),
        warn: (message, fields) => log.warn(fields ?? {}, message),
        error: (message, fields) => log.error(fields ?? {}, message),
        flush: () => destination.flushSync(),
    };
}
/** A logger that keeps its lines in memory, for tests that check what was logged. */
export function createMemoryLogger() {
    const lines = [];
    return {
        lines,
        info: (message, fields = {}) => lines.push({ level: 'info', message, fields }),
        warn: (message, fields = {}) => lines.push({ level: 'warn', message, fields }),
        error: (message, fields = {}) => lines.push({ level: 'error', message, fields }),
        flush: () => undefined,
    };
}
//# sourceMappingURL=logger.js.map
/**
 * One request header's value, read from the raw header lines. Node builds `req.headers` only
 * when it is first read; the prepared-response path reads two headers and skips building it.
 * `name` is lower case. A repeated header gives its first value.
 */
export function rawHeader(req, name) {
    const raw = req.rawHeaders;
    for (let index = 0; index < raw.length; index += 2) {
        const key = raw[index];
        if (key.length === name.length && key.toLowerCase() === name)
            return raw[index + 1];
    }
    return undefined;
}
//# sourceMappingURL=raw-header.js.map
/** Sends a prepared response; a matching If-None-Match gets 304, HEAD gets the headers only. */
export function sendStored(req, res, stored, status = stored.status) {
    res.set(stored.headers);
    if (status === 200 && req.fresh) {
        res.status(304).end();
        return;
    }
    res.status(status);
    res.set('Content-Length', String(stored.body.length));
    res.end(stored.body);
}
//# sourceMappingURL=send-stored.js.map
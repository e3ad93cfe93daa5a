/** Sets the security headers on responses that are not prepared (prepared ones carry them). */
export function securityHeaders(current) {
    return (_req, res, next) => {
        for (const [name, value] of current().securityHeaders)
            res.setHeader(name, value);
        next();
    };
}
//# sourceMappingURL=security-headers.js.map
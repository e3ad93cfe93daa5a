import { HttpError } from './http-error.js';
/** A path with broken percent-encoding (`/nb/%E0%A4%A`) gets 400 before any route looks at it. */
export function rejectMalformedUrl() {
    return (req, _res, next) => {
        try {
            decodeURIComponent(req.path);
        }
        catch {
            next(new HttpError(400, 'malformed percent-encoding in the path'));
            return;
        }
        next();
    };
}
//# sourceMappingURL=malformed-url.js.map
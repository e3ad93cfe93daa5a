import { Router } from 'express';
const immutable = 'public, max-age=31536000, immutable';
/** Content-hashed files from `public/`, served from memory and cached for a year. */
export function assetRoutes(current) {
    const router = Router();
    router.get('/assets/:file', (req, res, next) => {
        const asset = current().assets.byUrl.get(req.path);
        if (!asset) {
            next();
            return;
        }
        res.set({ 'Content-Type': asset.contentType, 'Cache-Control': immutable, ETag: asset.etag });
        if (req.fresh) {
            res.status(304).end();
            return;
        }
        res.set('Content-Length', String(asset.body.length)).end(asset.body);
    });
    return router;
}
//# sourceMappingURL=assets.js.map
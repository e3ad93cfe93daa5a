import express, {} from 'express';
import { consentRoutes } from './routes/consent.js';
import { errorHandler, notFound } from './routes/errors.js';
import { healthRoutes } from './routes/health.js';
import { rejectMalformedUrl } from './routes/malformed-url.js';
import { pageRoutes } from './routes/pages.js';
import { securityHeaders } from './routes/security-headers.js';
/** The request pipeline, top to bottom. Never listens: server.ts does. */
export function createApp(deps) {
    const production = deps.config.env === 'production';
    const app = express();
    app.set('env', deps.config.env);
    app.disable('x-powered-by');
    app.set('etag', false);
    const startedAt = new Date().toISOString();
    const readiness = deps.readiness ??
        (() => ({ status: 'ready', contentLoadedAt: startedAt, lastReload: null }));
    app.set('trust proxy', deps.config.trustProxyHops);
    app.use(securityHeaders(deps.current));
    app.use(healthRoutes(readiness));
    app.use(rejectMalformedUrl());
    app.use(consentRoutes({ config: deps.config, current: deps.current, logger: deps.logger }));
    app.use(pageRoutes(deps.current));
    app.use(notFound());
    app.use(errorHandler({ current: deps.current, logger: deps.logger, production }));
    return app;
}
//# sourceMappingURL=app.js.map
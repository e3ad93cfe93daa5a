import { parseBaseUrl, parseCookieSecret, parseEnvironment, parsePort, parseTrustProxyHops, } from '../config.js';
import { ConfigError } from '../config-error.js';
import { fieldName, isPlaceholderEmail, parseSiteConfig } from '../site-config.js';
import { isFinding, readJsonDocument } from './json-document.js';
/** Checks the site configuration file, every problem at its place, and the environment variables. */
export function checkSiteConfig(absolutePath, file, env) {
    const findings = [];
    const environment = (variable, check) => {
        try {
            return check();
        }
        catch (error) {
            if (!(error instanceof ConfigError))
                throw error;
            findings.push({
                file: `(environment) ${variable}`,
                line: 1,
                column: 1,
                level: 'error',
                message: error.message,
            });
            return undefined;
        }
    };
    const mode = environment('NODE_ENV', () => parseEnvironment(env.NODE_ENV));
    const port = environment('PORT', () => parsePort(env.PORT));
    environment('BASE_URL', () => parseBaseUrl(env.BASE_URL, port ?? 3000, mode ?? 'development'));
    environment('COOKIE_SECRET', () => parseCookieSecret(env.COOKIE_SECRET, mode ?? 'development'));
    environment('TRUST_PROXY_HOPS', () => parseTrustProxyHops(env.TRUST_PROXY_HOPS));
    const document = readJsonDocument(absolutePath, file);
    if (isFinding(document))
        return { findings: [...findings, document] };
    const { config, problems } = parseSiteConfig(document.value);
    for (const problem of problems) {
        findings.push({
            file,
            ...document.at([...problem.path]),
            level: 'error',
            message: `${fieldName(problem.path)} ${problem.message}`,
        });
    }
    if (config) {
        const email = config.contact.email;
        const at = document.at(['contact', 'email']);
        if (email === '' && mode === 'production') {
            findings.push({
                file,
                ...at,
                level: 'error',
                message: 'contact.email is required in production',
            });
        }
        else if (email === '') {
            findings.push({
                file,
                ...at,
                level: 'warning',
                message: 'contact.email is empty: the pages show no email address',
            });
        }
        else if (isPlaceholderEmail(email)) {
            findings.push({
                file,
                ...at,
                level: 'warning',
                message: `contact.email "${email}" is a placeholder: set the company's real address before publishing`,
            });
        }
    }
    return config ? { findings, config } : { findings };
}
//# sourceMappingURL=check-site-config.js.map
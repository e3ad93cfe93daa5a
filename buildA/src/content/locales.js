import path from 'node:path';
import i18next, {} from 'i18next';
import Backend from 'i18next-fs-backend';
import { ConfigError } from '../config-error.js';
/** One locale file per page, plus `common` for what every page shares. */
export const namespaces = ['common', 'policy', 'cookies', 'contact', 'history'];
/**
 * Loads every locale file of every language into a fresh i18next instance. A fresh instance each
 * time means a reload gives exactly what a fresh start gives (reloadResources would merge).
 */
export async function loadLocales(localesDir, languages, 
/** More files to load from every language's folder, such as the published versions. */
extraNamespaces = []) {
    const all = [...namespaces, ...extraNamespaces];
    const instance = i18next.createInstance();
    const failures = [];
    instance.on('failedLoading', (lng, ns, message) => {
        failures.push(`${path.join(localesDir, lng, `${ns}.json`)}: ${message}`);
    });
    await instance.use(Backend).init({
        backend: { loadPath: path.join(localesDir, '{{lng}}', '{{ns}}.json') },
        lng: languages[0] ?? 'nb',
        supportedLngs: [...languages],
        preload: [...languages],
        fallbackLng: false,
        ns: all,
        defaultNS: 'common',
        load: 'currentOnly',
        // EJS escapes everything it prints; escaping here as well would double-escape.
        interpolation: { escapeValue: false },
        returnNull: false,
    });
    if (failures.length > 0)
        throw new ConfigError(`locale file ${failures[0]}`);
    for (const lng of languages) {
        for (const ns of all) {
            if (!instance.hasResourceBundle(lng, ns)) {
                throw new ConfigError(`locale file ${path.join(localesDir, lng, `${ns}.json`)} did not load`);
            }
        }
    }
    return instance;
}
export function translatorFor(i18n, lng) {
    const t = i18n.getFixedT(lng);
    return (key, options) => {
        const value = t(key, { ...options, lng });
        if (!i18n.exists(key, { ...options, lng }) || typeof value !== 'string') {
            const [ns, name] = key.includes(':') ? key.split(':', 2) : ['common', key];
            throw new ConfigError(`locale file locales/${lng}/${ns}.json has no text "${name}"`);
        }
        return value;
    };
}
/** A list of texts under a key, such as the paragraphs of a section. */
export function textList(i18n, lng, key) {
    const value = i18n.getFixedT(lng)(key, { returnObjects: true });
    if (!Array.isArray(value) ||
        value.length === 0 ||
        value.some((item) => typeof item !== 'string')) {
        const [ns, name] = key.split(':', 2);
        throw new ConfigError(`locale file locales/${lng}/${ns}.json: "${name}" must be a list of texts`);
    }
    return value;
}
//# sourceMappingURL=locales.js.map
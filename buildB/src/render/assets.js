import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const contentTypes = {
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
};
function loadAsset(publicDir, file) {
    const body = readFileSync(path.join(publicDir, file));
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12);
    const extension = path.extname(file);
    return {
        url: `/assets/${path.basename(file, extension)}.${hash}${extension}`,
        body,
        contentType: contentTypes[extension] ?? 'application/octet-stream',
    };
}
export function loadAssets(publicDir) {
    const css = loadAsset(publicDir, 'site.css');
    const icon = loadAsset(publicDir, 'favicon.svg');
    return { css: css.url, icon: icon.url, files: [css, icon] };
}
//# sourceMappingURL=assets.js.map
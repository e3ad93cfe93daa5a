import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { SiteBuild } from '../build/build-site.js'
import { ConfigError } from '../config/config-error.js'
import type { PreparedResponse } from '../prepare/prepared-response.js'
import type { TableEntry } from '../prepare/response-table.js'

/** Where a served path lives in the export: `/nb/` → `nb/index.html`, `/nb/cookies` → `nb/cookies.html`. */
export function exportFileFor(urlPath: string): string {
  if (urlPath.endsWith('/')) return `${urlPath.slice(1)}index.html`
  const name = urlPath.slice(1)
  return path.posix.extname(name) === '' ? `${name}.html` : name
}

/** A page that sends a visitor without a language to the default one, for hosts that cannot. */
function rootRedirect(lng: string): string {
  return `<!doctype html>
<html lang="${lng}">
<head>
<meta charset="utf-8">
<title>/${lng}/</title>
<meta http-equiv="refresh" content="0; url=/${lng}/">
<link rel="canonical" href="/${lng}/">
</head>
<body><p><a href="/${lng}/">/${lng}/</a></p></body>
</html>
`
}

/**
 * Writes every prepared response as a static file, with `.br` and `.gz` siblings holding the
 * exact compressed bytes the server sends, so any static host or CDN serves the same URLs.
 * Returns the files written, relative to `outDir`.
 */
export async function exportSite(site: SiteBuild, outDir: string): Promise<string[]> {
  if (site.consent.policy.categories.length > 0) {
    // A static host cannot take the form's POST nor pick a page by cookie: visitors could
    // never answer the banner. Such a site needs the server.
    throw new ConfigError(
      'the cookie inventory has optional categories, and a static host cannot store cookie choices: run the server instead',
    )
  }
  const root = path.resolve(outDir)
  const written: string[] = []
  const write = async (file: string, body: Buffer | string) => {
    const target = path.resolve(root, file)
    if (!target.startsWith(`${root}${path.sep}`))
      throw new Error(`refusing to write outside ${root}: ${file}`)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, body)
    written.push(file)
  }
  const writeResponse = async (file: string, prepared: PreparedResponse) => {
    const { identity, br, gzip } = prepared.representations
    await write(file, identity.body)
    if (br !== identity) await write(`${file}.br`, br.body)
    if (gzip !== identity) await write(`${file}.gz`, gzip.body)
  }

  const { responses } = site
  for (const urlPath of responses.paths) {
    // A static host cannot read cookies: it serves what a visitor who has not chosen yet sees.
    await writeResponse(exportFileFor(urlPath), (responses.get(urlPath) as TableEntry).response)
  }
  for (const lng of responses.languages) {
    await writeResponse(`${lng}/404.html`, responses.error('notFound', lng))
  }
  await writeResponse('404.html', responses.error('notFound', responses.defaultLanguage))
  await write('index.html', rootRedirect(responses.defaultLanguage))
  return written
}

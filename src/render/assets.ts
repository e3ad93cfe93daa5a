import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'

/** A file from `public/`, under a name that changes whenever its content does. */
export interface Asset {
  readonly url: string
  readonly body: Buffer
  readonly contentType: string
}

export interface Assets {
  /** URLs for the layout to link. */
  readonly css: string
  readonly icon: string
  readonly files: readonly Asset[]
}

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
}

function loadAsset(publicDir: string, file: string): Asset {
  const body = readFileSync(path.join(publicDir, file))
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12)
  const extension = path.extname(file)
  return {
    url: `/assets/${path.basename(file, extension)}.${hash}${extension}`,
    body,
    contentType: contentTypes[extension] ?? 'application/octet-stream',
  }
}

export function loadAssets(publicDir: string): Assets {
  const css = loadAsset(publicDir, 'site.css')
  const icon = loadAsset(publicDir, 'favicon.svg')
  return { css: css.url, icon: icon.url, files: [css, icon] }
}

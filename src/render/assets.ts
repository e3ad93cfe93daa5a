import { createHash } from 'node:crypto'
import path from 'node:path'
import { ConfigError } from '../config/config-error.js'

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

function asset(file: string, body: Buffer): Asset {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12)
  const extension = path.extname(file)
  return {
    url: `/assets/${path.basename(file, extension)}.${hash}${extension}`,
    body,
    contentType: contentTypes[extension] ?? 'application/octet-stream',
  }
}

/** A CSS string holding the text as it is. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`
}

/**
 * The stylesheet and the icon as read, under their content-hashed addresses. The stylesheet
 * ends with the site's address, which print puts before the site's own links.
 */
export function assetsOf(
  files: readonly { readonly name: string; readonly body?: Buffer }[],
  baseUrl: string,
): Assets {
  const bodyOf = (name: string): Buffer => {
    const body = files.find((file) => file.name === name)?.body
    if (!body) throw new ConfigError(`public/${name} is missing or cannot be read`)
    return body
  }
  const address = `\n:root {\n  --site-address: ${cssString(baseUrl)};\n}\n`
  const css = asset('site.css', Buffer.concat([bodyOf('site.css'), Buffer.from(address)]))
  const icon = asset('favicon.svg', bodyOf('favicon.svg'))
  return { css: css.url, icon: icon.url, files: [css, icon] }
}

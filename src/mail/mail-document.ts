import { escapeHtml, type Html } from '../content/html.js'

/**
 * The HTML copy of an email: a plain document that every mail program shows, in the visitor's
 * language; no images, no styles from elsewhere, no script.
 */
export function mailDocument(lng: string, subject: string, blocks: readonly Html[]): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lng)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    '<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; max-width: 40em">',
    ...blocks,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

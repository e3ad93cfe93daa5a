import { execFileSync } from 'node:child_process'

const hint = 'install poppler-utils from Debian: apt-get install -y poppler-utils'

/** The text of each sheet of a PDF, as poppler's pdftotext reads it (sheets end with a form feed). */
export function printedText(pdfFile: string): string[] {
  let text: string
  try {
    text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' })
  } catch (error) {
    throw new Error(`could not read ${pdfFile} with pdftotext (${hint}): ${error}`)
  }
  const sheets = text.split('\f')
  // The text ends with a form feed after the last sheet.
  if (sheets.at(-1)?.trim() === '') sheets.pop()
  return sheets
}

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fixtureLocalesDir } from './fixture-content.js'

// Locale JSON as a test edits it.
// biome-ignore lint/suspicious/noExplicitAny: tests reach into arbitrary locale JSON
type Json = any

/**
 * Adds a published version to a locale copy, as `npm run publish` leaves it: the newest version's
 * text changed by `change`, in every language, and listed last in `versions.json`.
 */
export function addVersion(
  copy: { readonly dir: string },
  version: {
    effective: string
    updated: string
    summaries: Record<string, string>
    change: (lng: string, json: Json) => void
  },
): void {
  const indexFile = path.join(copy.dir, 'versions.json')
  const index = JSON.parse(readFileSync(indexFile, 'utf8'))
  const newest = index.versions.at(-1).effective
  for (const [lng, summary] of Object.entries(version.summaries)) {
    const text = JSON.parse(
      readFileSync(path.join(copy.dir, lng, 'versions', `${newest}.json`), 'utf8'),
    )
    text.summary = summary
    version.change(lng, text)
    writeFileSync(
      path.join(copy.dir, lng, 'versions', `${version.effective}.json`),
      JSON.stringify(text, null, 2),
    )
  }
  index.versions.push({ effective: version.effective, updated: version.updated })
  writeFileSync(indexFile, JSON.stringify(index, null, 2))
}

/**
 * Version 2027-01-01 of the notice: one word changed in the first paragraph, a sentence added to
 * the security section, the transfers section removed and a retention section added.
 */
export function addVersion2027(copy: { readonly dir: string }): void {
  const added: Record<string, { sentence: string; heading: string; retention: string }> = {
    nb: {
      sentence: 'Vi lagrer opplysningene dine i Norge.',
      heading: 'Hvor lenge vi lagrer',
      retention: 'Vi sletter opplysningene dine senest tre år etter siste kontakt.',
    },
    en: {
      sentence: 'We store your data in Norway.',
      heading: 'How long we keep data',
      retention: 'We delete your data at the latest three years after our last contact.',
    },
    zh: {
      sentence: '我们在挪威存储您的数据。',
      heading: '我们保存多长时间',
      retention: '我们最迟在最后一次联系后三年删除您的数据。',
    },
  }
  addVersion(copy, {
    effective: '2027-01-01',
    updated: '2026-11-20',
    summaries: {
      nb: 'Vi lagrer i Norge, og sier hvor lenge vi lagrer.',
      en: 'We store data in Norway, and say how long we keep it.',
      zh: '我们在挪威存储数据，并说明保存期限。',
    },
    change: (lng, json) => {
      const text = added[lng] as (typeof added)['nb']
      if (lng === 'nb') {
        json.sections.about.paragraphs[0] = json.sections.about.paragraphs[0].replace(
          'gjøre tjenesten bedre',
          'gjøre tjenesten enklere',
        )
      }
      json.sections.security.paragraphs.push(text.sentence)
      delete json.sections.transfers
      json.sections.retention = { heading: text.heading, paragraphs: [text.retention] }
    },
  })
}

/** A copy of the shipped locale files with version 2027-01-01 added, for the browser checks. */
export function versionedLocales(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'locales-versions-'))
  cpSync(fixtureLocalesDir, dir, { recursive: true })
  addVersion2027({ dir })
  return dir
}

/** A moment when version 2027-01-01 is announced but not yet in force. */
export const beforeVersion2027 = new Date('2026-12-01T12:00:00Z')

/** The pages that show versions, announced and compared. */
export const versionPagePaths = [
  '/nb/',
  '/nb/versions',
  '/nb/versions/2024',
  '/nb/versions/2027-01-01',
  '/nb/versions/2024/compare/2027-01-01',
  '/en/versions/2024/compare/2027-01-01',
  '/zh/versions/2024/compare/2027-01-01',
]

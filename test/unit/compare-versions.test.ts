import { describe, expect, it } from 'vitest'
import { compareVersions } from '../../src/content/compare-versions.js'
import type { Html } from '../../src/content/html.js'
import type { PolicyModel } from '../../src/content/policy.js'

const markers = { insertion: '[+', deletion: '[-', end: ']' }

/** A version of the notice with just the sections a comparison reads. */
const version = (sections: Record<string, { heading: string; paragraphs: string[] }>) =>
  ({
    sections: Object.entries(sections).map(([id, section]) => ({
      id,
      heading: section.heading,
      sourceParagraphs: section.paragraphs,
      paragraphs: section.paragraphs.map((text) => `<p>${text}</p>` as Html),
    })),
  }) as unknown as PolicyModel

describe('comparing two versions section by section', () => {
  const older = version({
    about: { heading: 'Om oss', paragraphs: ['Vi lagrer data i Norge.', 'Uendret.'] },
    gone: { heading: 'Borte', paragraphs: ['En.', 'To.'] },
    same: { heading: 'Lik', paragraphs: ['Samme tekst.'] },
  })
  const newer = version({
    about: {
      heading: 'Om oss',
      paragraphs: ['Vi lagrer alle data i Sverige.', 'Uendret.', 'Nytt avsnitt her.'],
    },
    same: { heading: 'Lik', paragraphs: ['Samme tekst.'] },
    fresh: { heading: 'Ny', paragraphs: ['Helt ny.'] },
  })
  const sections = compareVersions(older, newer, 'nb', markers)
  const byId = (id: string) => sections.find((section) => section.id === id)

  it('counts the words and the paragraphs added and removed', () => {
    expect(byId('about')?.counts).toEqual({
      wordsAdded: 2,
      wordsRemoved: 1,
      paragraphsAdded: 1,
      paragraphsRemoved: 0,
    })
    expect(byId('gone')?.counts).toMatchObject({ paragraphsRemoved: 2, wordsRemoved: 0 })
    expect(byId('fresh')?.counts).toMatchObject({ paragraphsAdded: 1, wordsAdded: 0 })
    expect(byId('same')?.change).toBe('unchanged')
  })

  it('keeps each changed paragraph whole, as each version shows it', () => {
    expect(byId('about')?.paragraphChanges).toEqual([
      { before: '<p>Vi lagrer data i Norge.</p>', after: '<p>Vi lagrer alle data i Sverige.</p>' },
      { before: null, after: '<p>Nytt avsnitt her.</p>' },
    ])
    expect(byId('same')?.paragraphChanges).toEqual([])
    expect(byId('gone')?.title).toBe('Borte')
  })
})

import { describe, expect, it } from 'vitest'
import { wordChangeLimit, wordDiff } from '../../src/content/word-diff.js'

const words = (count: number, word: string) =>
  Array.from({ length: count }, (_, index) => `${word}${index}`).join(' ')

describe('comparing a paragraph word by word', () => {
  it('marks the words that changed', () => {
    const pieces = wordDiff('Vi lagrer data i Norge.', 'Vi lagrer data i Sverige.', 'nb')
    expect(pieces.filter((piece) => piece.removed).map((piece) => piece.value)).toEqual(['Norge'])
    expect(pieces.filter((piece) => piece.added).map((piece) => piece.value)).toEqual(['Sverige'])
  })

  it('shows a paragraph rewritten beyond the limit as the old text and the new, whole', () => {
    const before = words(wordChangeLimit * 2, 'gammel')
    const after = words(wordChangeLimit * 2, 'ny')
    expect(wordDiff(before, after, 'nb')).toEqual([
      { value: before, removed: true, added: false },
      { value: after, added: true, removed: false },
    ])
  })

  it('still compares word by word a long paragraph with a few changes', () => {
    const before = words(4_000, 'ord')
    const after = before.replace('ord17 ', 'ORD17 ')
    const changed = wordDiff(before, after, 'nb').filter((piece) => piece.added || piece.removed)
    expect(changed.map((piece) => piece.value)).toEqual(['ord17', 'ORD17'])
  })

  it('shows a paragraph that is new, or gone, as one insertion or deletion, and an unchanged one as it is', () => {
    const paragraph = words(3_000, 'ord')
    expect(wordDiff('', paragraph, 'nb')).toEqual([{ value: paragraph, added: true }])
    expect(wordDiff(paragraph, '', 'nb')).toEqual([{ value: paragraph, removed: true }])
    expect(wordDiff(paragraph, paragraph, 'nb')).toEqual([{ value: paragraph }])
  })
})

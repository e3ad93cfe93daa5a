import { describe, expect, it } from 'vitest'
import { defaultSiteConfigPath, localesDir } from '../../src/config/paths.js'
import {
  brokenLinks,
  checkerErrors,
  missingSeedLines,
  pagesNotAnswering,
  siteOf,
} from './site-invariants.js'

// The content as staff left it in locales/ and config/: only what stays true after their work.
const shipped = { localesDir, siteConfigPath: defaultSiteConfigPath }

describe('the shipped content', () => {
  it('has no errors', () => {
    expect(checkerErrors(shipped)).toEqual([])
  })

  it('keeps the company’s notice word for word in version 2024', async () => {
    expect(await missingSeedLines(await siteOf(shipped))).toEqual([])
  })

  it('answers every page of every language', async () => {
    expect(await pagesNotAnswering(await siteOf(shipped))).toEqual([])
  })

  it('has no link to a page or part of a page that does not exist', async () => {
    expect(await brokenLinks(await siteOf(shipped))).toEqual([])
  })
})

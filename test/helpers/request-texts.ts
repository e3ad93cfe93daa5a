import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { NewPrivacyRequest } from '../../src/store/create-request.js'
import { fixtureLocalesDir } from './fixture-content.js'

// The request texts of the test content in one language, as a test reaches into them.
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary keys of the locale JSON
type RequestTexts = any

/** The fixture's `request.json` in a language: what the pages should say. */
export function requestTexts(lng: string): RequestTexts {
  return JSON.parse(readFileSync(path.join(fixtureLocalesDir, lng, 'request.json'), 'utf8'))
}

/** A text with its `{{placeholders}}` filled in, as i18next fills them. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_all, name: string) => String(values[name] ?? ''))
}

/** A request form as a visitor fills it in, with some fields changed. */
export const requestForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  kind: 'access',
  name: 'Kari Nordmann',
  email: 'kari@example.no',
  details: 'Hvilke opplysninger har dere om meg?',
  customerReference: 'K-1234',
  website: '',
  ...overrides,
})

/** A request as the form keeps it, for tests that put requests in the store themselves. */
export const newRequest = (
  language: string,
  overrides: Partial<NewPrivacyRequest> = {},
): NewPrivacyRequest => ({
  kind: 'access',
  language,
  name: 'Kari Nordmann',
  email: 'kari@example.no',
  details: 'Hvilke opplysninger har dere om meg?',
  customerReference: 'K-1234',
  ...overrides,
})

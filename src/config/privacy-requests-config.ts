import type { Json } from './json-value.js'

/** Whether visitors can send privacy requests from the site, and how long closed ones are kept. */
export interface PrivacyRequestsConfig {
  /** Off: no form, no links to it, nothing opened in the database. */
  readonly enabled: boolean
  /** Months after closing that a request and its messages are deleted. */
  readonly retentionMonths: number
}

export const defaultRetentionMonths = 12

const off: PrivacyRequestsConfig = { enabled: false, retentionMonths: defaultRetentionMonths }

/** The optional `privacyRequests` group; without it the feature is off. */
export function parsePrivacyRequests(
  root: Json,
  problem: (path: (string | number)[], message: string) => void,
): PrivacyRequestsConfig {
  const value = root.privacyRequests
  if (value === undefined) return off
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problem(['privacyRequests'], 'must be a group of fields in { }, such as { "enabled": true }')
    return off
  }
  const group = value as Json
  for (const key of Object.keys(group)) {
    if (key !== 'enabled' && key !== 'retentionMonths') {
      problem(['privacyRequests', key], 'is not a setting: only enabled and retentionMonths are')
    }
  }
  if (typeof group.enabled !== 'boolean') {
    problem(['privacyRequests', 'enabled'], 'must be true or false, without quotes')
  }
  const months = group.retentionMonths ?? defaultRetentionMonths
  if (typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > 120) {
    problem(
      ['privacyRequests', 'retentionMonths'],
      'must be a whole number of months from 1 to 120, without quotes, such as 12',
    )
  }
  return {
    enabled: group.enabled === true,
    retentionMonths: typeof months === 'number' ? months : defaultRetentionMonths,
  }
}

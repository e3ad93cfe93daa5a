import type { CookieEntry } from '../config/cookie-inventory-config.js'
import { longestSeconds } from './declared-lifetime.js'
import type { SiteRecord } from './observation.js'

export type FindingKind =
  | 'undeclared'
  | 'never seen'
  | 'before consent'
  | 'after refusal'
  | 'longer than declared'
  | 'undeclared request'

/** One difference between what a site stored or loaded and what the inventory says. */
export interface ScanFinding {
  readonly kind: FindingKind
  readonly subject: string
  readonly detail: string
}

/** A minute of slack for the clock between the answer and the reading of the cookie. */
const slackSeconds = 60

/** Compares one scanned site with the inventory entries that apply to it. */
export function compareWithInventory(
  site: SiteRecord,
  declared: readonly CookieEntry[],
): ScanFinding[] {
  const findings: ScanFinding[] = []
  const byName = new Map(declared.map((entry) => [entry.name, entry]))
  const seen = new Set<string>()
  const once = new Set<string>()
  const add = (finding: ScanFinding) => {
    const id = `${finding.kind} ${finding.subject}`
    if (!once.has(id)) findings.push(finding)
    once.add(id)
  }
  const scripts = new Set(declared.flatMap((entry) => entry.scripts))
  const scriptCategory = new Map(
    declared.flatMap((entry) => entry.scripts.map((url) => [url, entry.category] as const)),
  )
  for (const record of site.states) {
    const stored = [
      ...record.cookies.map((c) => ({ name: c.name, what: `cookie ${c.name}`, c })),
      ...record.storage.map((s) => ({ name: s.key, what: `${s.kind} ${s.key}`, c: undefined })),
    ]
    for (const item of stored) {
      seen.add(item.name)
      const entry = byName.get(item.name)
      const where = item.c ? `set by ${item.c.setBy}` : 'on'
      if (!entry) {
        add({ kind: 'undeclared', subject: item.what, detail: `${where} (${record.state})` })
        continue
      }
      const optional = entry.category !== 'necessary'
      if (optional && record.state === 'before')
        add({ kind: 'before consent', subject: item.what, detail: `${entry.category}, ${where}` })
      if (optional && record.state === 'rejected')
        add({ kind: 'after refusal', subject: item.what, detail: `${entry.category}, ${where}` })
      const limit = longestSeconds(entry.duration)
      const lifetime = item.c?.lifetimeSeconds
      if (lifetime !== undefined && (limit === undefined || lifetime > limit + slackSeconds)) {
        add({
          kind: 'longer than declared',
          subject: item.what,
          detail: `lives ${Math.round(lifetime / 86400)} days, declared ${entry.duration}`,
        })
      }
    }
    for (const request of record.thirdPartyRequests) {
      const url = request.url.split(/[?#]/)[0] ?? request.url
      if (!scripts.has(url)) {
        add({ kind: 'undeclared request', subject: url, detail: `from ${request.page}` })
      } else if (scriptCategory.get(url) !== 'necessary' && record.state !== 'accepted') {
        const kind = record.state === 'before' ? 'before consent' : 'after refusal'
        add({ kind, subject: `script ${url}`, detail: `loaded on ${request.page}` })
      }
    }
  }
  for (const entry of declared) {
    if (!seen.has(entry.name))
      add({ kind: 'never seen', subject: `cookie ${entry.name}`, detail: 'in no state' })
  }
  return findings
}

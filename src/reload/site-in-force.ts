import type { ServedSite } from '../build/served-site.js'
import { formatFinding } from '../check/findings.js'
import type { NoticeState } from '../content/version-index.js'

/** What the readiness endpoint tells: what is being served, and how the last reload went. */
export interface Readiness {
  /** `degraded`: the files had errors at start, and the last good content is served. */
  readonly status: 'ready' | 'degraded'
  readonly contentLoadedAt: string
  /** The version of the notice in force, and the next one announced. */
  readonly notice: NoticeState
  readonly lastReload: {
    readonly at: string
    readonly reason: string
    readonly applied: boolean
    /** The checker's findings (or the build error) that kept a reload from being applied. */
    readonly errors: readonly string[]
  } | null
  /** Files saved since the content served was built, that it does not have yet. */
  readonly changedSince: readonly string[]
  /** Errors in the notice being written: they stop a publish, not the live pages. */
  readonly draftErrors: readonly string[]
  /** While degraded: when the content served was last good, and the files' errors. */
  readonly degraded?: { readonly servingContentOf: string; readonly errors: readonly string[] }
}

export type Degraded = NonNullable<Readiness['degraded']>

/** The build being served, swapped whole, and the record of how it came to be served. */
export function siteInForce(initial: ServedSite, startedDegraded?: Degraded) {
  let current = initial
  let contentLoadedAt = new Date().toISOString()
  let lastReload: Readiness['lastReload'] = null
  let degraded = startedDegraded
  // Each file saved and not served yet, with the number of its latest save: a build applies
  // the saves it read, not one made while it ran.
  const unapplied = new Map<string, number>()
  let saves = 0
  return {
    current: () => current,
    /** Files saved: the content served lacks them until a build of them is applied. */
    saw(files: readonly string[]) {
      for (const file of files) unapplied.set(file, ++saves)
    },
    unappliedFiles: () => [...unapplied.keys()],
    /** The saves a build starting now reads. */
    pendingSaves: (): ReadonlyMap<string, number> => new Map(unapplied),
    /** A good build takes over; it holds the files saved before it started. */
    swap(
      site: ServedSite,
      at: string,
      reason: string,
      applied: ReadonlyMap<string, number> = new Map(),
    ) {
      current = site
      contentLoadedAt = at
      lastReload = { at, reason, applied: true, errors: [] }
      degraded = undefined
      for (const [file, save] of applied) if (unapplied.get(file) === save) unapplied.delete(file)
    },
    /** A build that was not good: the last good one stays, and readiness says why. */
    refuse(at: string, reason: string, errors: readonly string[]) {
      lastReload = { at, reason, applied: false, errors }
    },
    readiness: (): Readiness => ({
      status: degraded ? 'degraded' : 'ready',
      contentLoadedAt,
      notice: current.notice,
      lastReload,
      changedSince: [...unapplied.keys()],
      draftErrors: current.draftErrors.map(formatFinding),
      ...(degraded ? { degraded } : {}),
    }),
  }
}

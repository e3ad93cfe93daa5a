import type { SiteBuild } from '../build/build-site.js'
import { type NoticeState, noticeState } from '../content/version-index.js'

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
  /** While degraded: when the content served was last good, and the files' errors. */
  readonly degraded?: { readonly servingContentOf: string; readonly errors: readonly string[] }
}

export type Degraded = NonNullable<Readiness['degraded']>

/** The build being served, swapped whole, and the record of how it came to be served. */
export function siteInForce(initial: SiteBuild, startedDegraded?: Degraded) {
  let current = initial
  let contentLoadedAt = new Date().toISOString()
  let lastReload: Readiness['lastReload'] = null
  let degraded = startedDegraded
  return {
    current: () => current,
    /** A good build takes over. */
    swap(site: SiteBuild, at: string, reason: string) {
      current = site
      contentLoadedAt = at
      lastReload = { at, reason, applied: true, errors: [] }
      degraded = undefined
    },
    /** A build that was not good: the last good one stays, and readiness says why. */
    refuse(at: string, reason: string, errors: readonly string[]) {
      lastReload = { at, reason, applied: false, errors }
    },
    readiness: (): Readiness => ({
      status: degraded ? 'degraded' : 'ready',
      contentLoadedAt,
      notice: noticeState(current.content.timeline),
      lastReload,
      ...(degraded ? { degraded } : {}),
    }),
  }
}

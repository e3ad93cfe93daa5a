import type { SiteBuild } from '../build/build-site.js'
import { type NoticeState, noticeState } from '../content/version-index.js'

/** What the readiness endpoint tells: what is being served, and how the last reload went. */
export interface Readiness {
  readonly status: 'ready'
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
}

/** The build being served, swapped whole, and the record of how it came to be served. */
export function siteInForce(initial: SiteBuild) {
  let current = initial
  let contentLoadedAt = new Date().toISOString()
  let lastReload: Readiness['lastReload'] = null
  return {
    current: () => current,
    /** A good build takes over. */
    swap(site: SiteBuild, at: string, reason: string) {
      current = site
      contentLoadedAt = at
      lastReload = { at, reason, applied: true, errors: [] }
    },
    /** A build that was not good: the last good one stays, and readiness says why. */
    refuse(at: string, reason: string, errors: readonly string[]) {
      lastReload = { at, reason, applied: false, errors }
    },
    readiness: (): Readiness => ({
      status: 'ready',
      contentLoadedAt,
      notice: noticeState(current.content.timeline),
      lastReload,
    }),
  }
}

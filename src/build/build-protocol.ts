import type { Finding } from '../check/findings.js'
import { ConfigError } from '../config/config-error.js'
import type { Config } from '../config/environment.js'
import { ContentRejected } from './content-rejected.js'
import type { PackedSite } from './packed-site.js'
import type { SiteSources } from './site-sources.js'

/** Where the build thread reads from: folders, as it cannot be handed a cache object. */
export interface ThreadSources extends Omit<SiteSources, 'compressionCache' | 'preview'> {
  /** Compressed bodies `npm run build` left, read and never written; none, to compress all. */
  readonly compressedDir?: string
}

/** What the build thread starts with. */
export interface BuildThreadSetup {
  readonly config: Config
  readonly sources: ThreadSources
  /** The thread's heap, in MB; a build that needs more is stopped and refused. */
  readonly heapMb?: number
}

export type BuildTask = 'start' | 'build' | 'rebuildAt'

export interface BuildRequest {
  readonly id: number
  readonly task: BuildTask
  readonly now: Date
}

/** Why a build gave no site, in a form that crosses threads. */
export type BuildFailure =
  | { readonly kind: 'rejected'; readonly errors: readonly Finding[] }
  | { readonly kind: 'config'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string; readonly stack: string }

export type BuildAnswer =
  | {
      readonly id: number
      readonly site: PackedSite
      /** A start on the last good content: when it was saved, and the files' errors. */
      readonly degraded?: { readonly savedAt: string; readonly errors: readonly Finding[] }
    }
  | { readonly id: number; readonly failure: BuildFailure }

export function failureOf(error: unknown): BuildFailure {
  if (error instanceof ContentRejected) return { kind: 'rejected', errors: error.errors }
  if (error instanceof ConfigError) return { kind: 'config', message: error.message }
  const message = error instanceof Error ? error.message : String(error)
  return { kind: 'failed', message, stack: (error as Error)?.stack ?? message }
}

/** The error the build raised, as the thread that asked for it sees it. */
export function errorOf(failure: BuildFailure): Error {
  if (failure.kind === 'rejected') return new ContentRejected(failure.errors)
  if (failure.kind === 'config') return new ConfigError(failure.message)
  const error = new Error(failure.message)
  error.stack = failure.stack
  return error
}

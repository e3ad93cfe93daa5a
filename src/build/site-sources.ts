import { localesDir, publicDir, viewsDir } from '../config/paths.js'
import type { CompressionCache } from '../prepare/compression-cache.js'
import type { Compression } from '../prepare/prepared-response.js'
import type { SourceSet } from '../read/read-sources.js'

/** Where a build reads from; the site configuration file is named by the configuration. */
export interface SiteSources {
  readonly localesDir: string
  readonly publicDir: string
  readonly viewsDir: string
  /** Compressed bodies from an earlier build; none, to compress everything. */
  readonly compressionCache?: CompressionCache
  /** How hard to compress: the best unless told otherwise (tests that never look at sizes). */
  readonly compression?: Compression
  /** Where the last content that passed the checker is kept, for a start with a broken file. */
  readonly lastGood?: string
  /** `npm run preview` only: the sources as read, shown otherwise (the draft as the next version). */
  readonly preview?: (read: SourceSet, now: Date) => SourceSet
}

export const defaultSources: SiteSources = { localesDir, publicDir, viewsDir }

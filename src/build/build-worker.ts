import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'
import { parentPort, workerData } from 'node:worker_threads'
import { diskCompressionCache } from '../prepare/compression-cache.js'
import { bestCompression } from '../prepare/prepared-response.js'
import {
  type BuildAnswer,
  type BuildRequest,
  type BuildThreadSetup,
  failureOf,
  type ThreadSources,
} from './build-protocol.js'
import { packSite } from './packed-site.js'
import { inThreadBuilder } from './site-builder.js'
import type { SiteSources } from './site-sources.js'

// The build thread: builds the site when asked, one request at a time, and sends back what is
// served. What a build was made from stays here, for the next version's moment.
function sourcesOf(sources: ThreadSources): SiteSources {
  const { compressedDir, ...rest } = sources
  return compressedDir
    ? { ...rest, compressionCache: diskCompressionCache(compressedDir, { write: false }) }
    : rest
}

const setup = workerData as BuildThreadSetup
const sources = sourcesOf(setup.sources)
// Compressing here too (not on libuv's pool, shared with the requests' thread) keeps every
// step of a build on this thread, which the system runs after the requests' thread.
const compression = { ...(sources.compression ?? bestCompression), onCallingThread: true }
const builder = inThreadBuilder(setup.config, { ...sources, compression })
yieldToRequests()
const port = parentPort
if (!port) throw new Error('build-worker.js runs as a worker thread of the server')

async function answer({ id, task, now }: BuildRequest): Promise<BuildAnswer> {
  try {
    if (task !== 'start') return { id, site: packSite(await builder[task](now)) }
    const { site, degraded } = await builder.start(now)
    return {
      id,
      site: packSite(site),
      ...(degraded
        ? { degraded: { savedAt: degraded.savedAt, errors: degraded.errors.errors } }
        : {}),
    }
  } catch (error) {
    return { id, failure: failureOf(error) }
  }
}

/** The answer sent; one that cannot be sent (never expected) is sent as the build's failure. */
async function reply(request: BuildRequest): Promise<void> {
  const answered = await answer(request)
  try {
    port?.postMessage(answered)
  } catch (error) {
    port?.postMessage({ id: request.id, failure: failureOf(error) })
  }
}

let turn = Promise.resolve()
port.on('message', (request: BuildRequest) => {
  turn = turn.then(() => reply(request))
})

/**
 * On Linux a thread has its own priority: this one takes the lowest, so that on a busy machine
 * a build waits for the cores while requests are answered. Elsewhere it keeps the process's.
 */
function yieldToRequests(): void {
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (Number.isInteger(thread)) setPriority(thread, 19)
  } catch {
    // No /proc (not Linux) or not allowed: the build runs at the process's priority.
  }
}

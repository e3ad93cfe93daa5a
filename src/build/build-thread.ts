import { Worker } from 'node:worker_threads'
import {
  type BuildAnswer,
  type BuildTask,
  type BuildThreadSetup,
  errorOf,
} from './build-protocol.js'
import { ContentRejected } from './build-site.js'
import { unpackSite } from './packed-site.js'
import type { ServedSite } from './served-site.js'
import type { SiteBuilder } from './site-builder.js'

/** More than any real content needs; content that needs more is refused, the server stays. */
const defaultHeapMb = 1024

const fromSources = import.meta.url.endsWith('.ts')

function startWorker(setup: BuildThreadSetup): Worker {
  // execArgv: none of the parent's flags (a loader the parent runs under is registered below).
  const options = {
    workerData: setup,
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: setup.heapMb ?? defaultHeapMb },
  }
  const file = new URL(fromSources ? './build-worker.ts' : './build-worker.js', import.meta.url)
  if (!fromSources) return new Worker(file, options)
  // Run from the TypeScript sources (tests, npm run dev): the thread loads them through tsx.
  const load = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file.href)}) })`
  return new Worker(load, { ...options, eval: true })
}

interface Waiting {
  resolve(answer: BuildAnswer): void
  reject(error: Error): void
}

/**
 * The server's builder: every build runs on a thread of its own, so that reading, checking,
 * rendering and compressing never hold up a request. Only the prepared responses come back.
 * A thread that fails (out of memory, say) fails the build it ran; the next build starts a
 * new one.
 */
export function buildThread(setup: BuildThreadSetup): SiteBuilder {
  let worker: Worker | undefined
  let asked = 0
  const waiting = new Map<number, Waiting>()
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
  }
  const started = () => {
    const thread = startWorker(setup)
    thread.on('message', (answer: BuildAnswer) => {
      const asker = waiting.get(answer.id)
      waiting.delete(answer.id)
      if (waiting.size === 0) thread.unref()
      asker?.resolve(answer)
    })
    thread.on('error', (error) => failAll(threadError(error, setup.heapMb ?? defaultHeapMb)))
    thread.on('exit', (code) => {
      if (worker === thread) worker = undefined
      failAll(new Error(`the build stopped before it finished (exit code ${code})`))
    })
    return thread
  }
  const ask = (task: BuildTask, now: Date) =>
    new Promise<BuildAnswer>((resolve, reject) => {
      const id = ++asked
      waiting.set(id, { resolve, reject })
      worker ??= started()
      worker.ref() // A build being waited for keeps the process alive; an idle thread does not.
      worker.postMessage({ id, task, now })
    })
  const site = async (task: BuildTask, now: Date): Promise<ServedSite> => {
    const answer = await ask(task, now)
    if ('failure' in answer) throw errorOf(answer.failure)
    return unpackSite(answer.site)
  }
  return {
    async start(now) {
      const answer = await ask('start', now)
      if ('failure' in answer) throw errorOf(answer.failure)
      const { degraded } = answer
      return {
        site: unpackSite(answer.site),
        ...(degraded
          ? {
              degraded: { savedAt: degraded.savedAt, errors: new ContentRejected(degraded.errors) },
            }
          : {}),
      }
    },
    build: (now) => site('build', now),
    rebuildAt: (now) => site('rebuildAt', now),
    async close() {
      const thread = worker
      worker = undefined
      await thread?.terminate()
    },
  }
}

function threadError(error: Error & { code?: string }, heapMb: number): Error {
  if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return error
  return new Error(
    `the build needed more than ${heapMb} MB and was stopped: a text may be far too long (npm run check)`,
  )
}

import { Worker } from 'node:worker_threads'
import {
  type BuildAnswer,
  type BuildTask,
  type BuildThreadSetup,
  errorOf,
} from './build-protocol.js'
import { ContentRejected } from './content-rejected.js'
import { unpackSite } from './packed-site.js'
import type { ServedSite } from './served-site.js'
import type { SiteBuilder } from './site-builder.js'

/** More than any real content needs; content that needs more is refused, the server stays. */
const defaultHeapMb = 1024
/** An idle thread is stopped after this long, and its memory given back, unless still needed. */
const defaultIdleMs = 30_000

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

/** A thread and the builds it was asked for and has not answered yet. */
interface RunningThread {
  readonly worker: Worker
  readonly waiting: Map<number, Waiting>
}

/** The build thread as the server holds it: whether a thread runs now (none while idle). */
export interface BuildThread extends SiteBuilder {
  readonly running: boolean
}

/**
 * The server's builder: every build runs on a thread of its own, so that reading, checking,
 * rendering and compressing never hold up a request. Only the prepared responses come back.
 * A thread that fails (out of memory, say) fails the build it ran; the next build starts a
 * new one. An idle thread is stopped, except while a version is announced: it keeps what the
 * site in force was built from, so that the switch never depends on files being edited then.
 */
export function buildThread(setup: BuildThreadSetup, idleMs = defaultIdleMs): BuildThread {
  const heapMb = setup.heapMb ?? defaultHeapMb
  let running: RunningThread | undefined
  let asked = 0
  let versionAnnounced = false
  let idleTimer: NodeJS.Timeout | undefined
  const stopWhenIdle = (thread: RunningThread) => {
    clearTimeout(idleTimer)
    if (versionAnnounced) return
    idleTimer = setTimeout(() => {
      if (running !== thread || thread.waiting.size > 0) return
      running = undefined
      void thread.worker.terminate()
    }, idleMs).unref()
  }
  const started = (): RunningThread => {
    const thread: RunningThread = { worker: startWorker(setup), waiting: new Map() }
    const failAll = (error: Error) => {
      if (running === thread) running = undefined
      for (const { reject } of thread.waiting.values()) reject(error)
      thread.waiting.clear()
    }
    thread.worker.on('message', (answer: BuildAnswer) => {
      const asker = thread.waiting.get(answer.id)
      thread.waiting.delete(answer.id)
      if ('site' in answer) versionAnnounced = answer.site.nextChangeAt !== undefined
      if (thread.waiting.size === 0) {
        thread.worker.unref() // An idle thread does not keep the process alive.
        stopWhenIdle(thread)
      }
      asker?.resolve(answer)
    })
    thread.worker.on('error', (error) => failAll(threadError(error, heapMb)))
    thread.worker.on('exit', (code) =>
      failAll(new Error(`the build stopped before it finished (exit code ${code})`)),
    )
    return thread
  }
  const ask = (task: BuildTask, now: Date) =>
    new Promise<BuildAnswer>((resolve, reject) => {
      clearTimeout(idleTimer)
      running ??= started()
      const id = ++asked
      running.waiting.set(id, { resolve, reject })
      running.worker.ref() // A build being waited for keeps the process alive.
      running.worker.postMessage({ id, task, now })
    })
  const site = async (task: BuildTask, now: Date): Promise<ServedSite> => {
    const answer = await ask(task, now)
    if ('failure' in answer) throw errorOf(answer.failure)
    return unpackSite(answer.site)
  }
  return {
    get running() {
      return running !== undefined
    },
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
      clearTimeout(idleTimer)
      const thread = running
      running = undefined
      await thread?.worker.terminate()
    },
  }
}

function threadError(error: Error & { code?: string }, heapMb: number): Error {
  if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return error
  return new Error(
    `the build needed more than ${heapMb} MB and was stopped: a text may be far too long (npm run check)`,
  )
}

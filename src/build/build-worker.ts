import { parentPort, workerData } from 'node:worker_threads'
import {
  type BuildAnswer,
  type BuildRequest,
  type BuildThreadSetup,
  failureOf,
  sourcesOf,
} from './build-protocol.js'
import { packSite } from './packed-site.js'
import { inThreadBuilder } from './site-builder.js'

// The build thread: builds the site when asked, one request at a time, and sends back what is
// served. What a build was made from stays here, for the next version's moment.
const setup = workerData as BuildThreadSetup
const builder = inThreadBuilder(setup.config, sourcesOf(setup.sources))
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

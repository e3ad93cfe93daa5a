import { once } from 'node:events'
import { createServer } from 'node:net'

/** A loopback port that nothing listens on right now, for a server a test starts. */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  return typeof address === 'object' && address ? address.port : 0
}

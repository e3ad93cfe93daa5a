import type { Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createHttpServer, type ServerLimits } from '../../src/http/http-server.js'
import { createTestSite } from '../helpers/test-site.js'

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const step of cleanup.splice(0)) step()
})

async function serve(
  handler: Parameters<typeof createHttpServer>[0],
  limits: Partial<ServerLimits>,
): Promise<number> {
  const server: Server = createHttpServer(handler, limits)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanup.push(() => server.close())
  return (server.address() as { port: number }).port
}

/**
 * Sends bytes as given and collects what comes back until the server closes (or 3 s). A client
 * that reads late starts reading after a second (a paused socket cannot see the server close).
 */
function exchange(port: number, text: string, options: { readLate?: boolean } = {}) {
  return new Promise<{ received: string; closedByServer: boolean }>((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(text))
    cleanup.push(() => socket.destroy())
    let received = ''
    if (options.readLate) {
      socket.pause()
      setTimeout(() => socket.resume(), 1000)
    }
    socket.on('data', (chunk) => {
      received += chunk
    })
    socket.on('error', () => undefined)
    socket.on('close', () => resolve({ received, closedByServer: true }))
    setTimeout(() => {
      resolve({ received, closedByServer: false })
      socket.destroy()
    }, 3000)
  })
}

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`
const statusLines = (text: string) => text.match(/^HTTP\/1\.1 \d{3}/gm) ?? []

describe('limits per connection', () => {
  it('answers a client that pipelines a few requests, every one', async () => {
    const { app } = await createTestSite()
    const port = await serve(app, { maxPendingAnswers: 32 })
    const { received } = await exchange(
      port,
      `${get('/nb/').repeat(9)}GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    )
    expect(statusLines(received)).toEqual(Array(10).fill('HTTP/1.1 200'))
  })

  it('closes a connection that owes more answers than the limit', async () => {
    const { app } = await createTestSite()
    const port = await serve(app, { maxPendingAnswers: 32 })
    const { received, closedByServer } = await exchange(port, get('/nb/').repeat(500))
    expect(closedByServer).toBe(true)
    expect(statusLines(received).length).toBeLessThanOrEqual(32)
  })

  it('closes a connection whose client stops reading, after the idle timeout', async () => {
    const large = Buffer.alloc(64 * 1024 * 1024)
    const port = await serve((_req, res) => res.end(large), { idleTimeoutMs: 300 })
    const { closedByServer } = await exchange(port, get('/large'), { readLate: true })
    expect(closedByServer).toBe(true)
  })

  it('refuses connections beyond the cap and serves the ones within it', async () => {
    const { app } = await createTestSite()
    const port = await serve(app, { maxConnections: 2 })
    const held = [
      exchange(port, 'GET /nb/ HTTP/1.1\r\nHost: x\r\n'),
      exchange(port, 'GET /nb/ HTTP/1.1\r\nHost: x\r\n'),
    ]
    await new Promise((resolve) => setTimeout(resolve, 200))
    const refused = await exchange(port, get('/nb/'))
    expect(refused).toEqual({ received: '', closedByServer: true })
    void held
  })
})

import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/config/paths.js'
import { createHttpServer } from '../../src/http/http-server.js'
import { freePort } from '../helpers/free-port.js'
import { rawRequest } from '../helpers/raw-http.js'
import { createTestSite, testBaseUrl } from '../helpers/test-site.js'

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const step of cleanup.splice(0)) step()
})

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket))
    socket.on('error', reject)
    cleanup.push(() => socket.destroy())
  })
}

describe('slow clients', () => {
  it('a client that never finishes its headers is cut off in time, while others are served', async () => {
    const { app } = await createTestSite()
    const server = createHttpServer(app, {
      headersTimeoutMs: 500,
      requestTimeoutMs: 1000,
      connectionsCheckingIntervalMs: 100,
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanup.push(() => server.close())
    const port = (server.address() as { port: number }).port

    const slow = await openSocket(port)
    slow.on('error', () => undefined) // the server hanging up on it is the point
    const started = Date.now()
    slow.write('GET /nb/ HTTP/1.1\r\nHost: x\r\n')
    // Another header line every 100 ms, never the end of the headers: a slowloris client.
    const drip = setInterval(() => slow.write('X-Drip: 1\r\n', () => undefined), 100)
    cleanup.push(() => clearInterval(drip))
    slow.on('end', () => clearInterval(drip))
    // Not once(): it would reject on the EPIPE that the cut-off connection gives the dripping.
    const closed = new Promise((resolve) => slow.on('close', resolve))

    const served = await rawRequest(port, { path: '/nb/' })
    expect(served.status).toBe(200)

    await closed
    const elapsed = Date.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(400)
    expect(elapsed).toBeLessThan(2500)
  })
})

describe('shutting down', () => {
  let child: ChildProcess | undefined
  afterEach(() => child?.kill('SIGKILL'))

  it('on SIGTERM finishes the request in flight with Connection: close, closes connections with none, refuses new ones and exits', async () => {
    const port = await freePort()
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: packageRoot,
      env: {
        PATH: process.env.PATH,
        HOST: '127.0.0.1',
        PORT: String(port),
        BASE_URL: testBaseUrl,
        LAST_GOOD_CONTENT: path.join(tmpdir(), `last-good-${port}.json`),
        DATA_DIR: path.join(tmpdir(), `server-data-${port}`),
      },
    })
    let output = ''
    child.stdout?.on('data', (chunk) => {
      output += chunk
    })
    while (!output.includes('"serving"')) {
      if (child.exitCode !== null) throw new Error(output)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }

    // A form post whose body is still on its way when the signal comes.
    const socket = await openSocket(port)
    const body = 'all=accept'
    socket.write(
      `POST /nb/cookies HTTP/1.1\r\nHost: x\r\nOrigin: ${testBaseUrl}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\nall=`,
    )
    let answer = ''
    socket.on('data', (chunk) => {
      answer += chunk
    })
    // And a client that has sent half its headers: it owes no answer, so it must not hold the exit.
    const partial = await openSocket(port)
    partial.on('error', () => undefined)
    partial.write('GET /nb/ HTTP/1.1\r\nHost: x\r\n')
    const partialClosed = new Promise((resolve) => partial.on('close', () => resolve('closed')))
    await new Promise((resolve) => setTimeout(resolve, 200))
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    while (!output.includes('"shutting down"')) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }

    await expect(rawRequest(port, { path: '/nb/' })).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    // Closed while the form post is still in flight, not when the headers timeout cuts it off.
    const stillOpen = new Promise((resolve) => setTimeout(() => resolve('still open'), 5000))
    expect(await Promise.race([partialClosed, stillOpen])).toBe('closed')

    socket.end('accept')
    const [code] = (await exited) as [number]
    expect(answer.startsWith('HTTP/1.1 303')).toBe(true)
    // A keep-alive client is told not to send another request on this connection.
    expect(answer).toMatch(/\r\nConnection: close\r\n/i)
    expect(output).not.toContain('shutdown deadline')
    expect(code).toBe(0)
  })
})

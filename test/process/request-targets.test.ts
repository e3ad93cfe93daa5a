import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rawExchange } from '../helpers/raw-http.js'
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js'

let server: ServerProcess
beforeAll(async () => {
  server = await startServerProcess()
})
afterAll(() => server.child.kill('SIGKILL'))

/** One request line sent as given; the answer's head and body as received. */
const ask = (requestLine: string) =>
  rawExchange(
    server.port,
    `${requestLine}\r\nHost: x\r\nAccept-Language: en\r\nConnection: close\r\n\r\n`,
  )

describe('request targets in absolute form', () => {
  it.each([
    'GET http://[/ HTTP/1.1',
    'GET http://[::1/nb/ HTTP/1.1',
    'GET http://%zz/nb/ HTTP/1.1',
    'GET ftp://personvern.example.no/nb/ HTTP/1.1',
    'POST http://[/nb/cookies HTTP/1.1',
  ])('%s gets our 400 page, with every security header', async (line) => {
    const answer = await ask(line)
    expect(answer.status).toBe(400)
    expect(answer.head).toMatch(/\r\nContent-Security-Policy: default-src 'none'/i)
    expect(answer.head).toMatch(/\r\nPermissions-Policy: /i)
    expect(answer.head).toMatch(/\r\nCross-Origin-Opener-Policy: same-origin/i)
    expect(answer.body).toContain('<html lang="en"')
    expect(answer.body).not.toContain('Cannot')
  })

  it.each([
    ['GET http://personvern.example.no/nb/ HTTP/1.1', 200],
    ['GET http://personvern.example.no HTTP/1.1', 302],
    ['GET http://personvern.example.no/nb/missing?x=1 HTTP/1.1', 404],
  ])('%s is served as its path', async (line, status) => {
    expect((await ask(line)).status).toBe(status)
  })

  it('writes nothing but JSON lines, and nothing on stderr', async () => {
    await ask('GET http://[::1/nb/ HTTP/1.1')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(server.stderr()).toBe('')
    for (const line of server.stdout().trim().split('\n'))
      expect(() => JSON.parse(line)).not.toThrow()
  })
})

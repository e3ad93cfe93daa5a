import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHttpServer } from '../../src/http/http-server.js'
import { rawExchange as sendRaw } from '../helpers/raw-http.js'
import { createTestSite, type TestSite } from '../helpers/test-site.js'

let site: TestSite
let port: number
let close: () => void
beforeAll(async () => {
  site = await createTestSite({ env: { NODE_ENV: 'production' } })
  const server = createHttpServer(site.app, {}, () => site.site)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as { port: number }).port
  close = () => server.close()
})
afterAll(() => close())

const rawExchange = (text: string) => sendRaw(port, text)

describe('requests that node refuses before the site sees them', () => {
  it.each([
    ['a CR inside a header value', 'GET /nb/ HTTP/1.1\r\nHost: x\r\nX-Test: a\rb\r\n\r\n', 400],
    ['a method that does not exist', 'BR3W /nb/ HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    [
      'a header section over 16 KB',
      `GET /nb/ HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
    ],
    [
      'a chunk extension over 16 KB',
      `POST /nb/cookies HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;${'a'.repeat(20_000)}\r\n`,
      413,
    ],
    [
      'an Expect the server cannot meet',
      'GET /nb/ HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\nConnection: close\r\n\r\n',
      417,
    ],
  ])('%s gets %i with our page and every security header', async (_name, text, status) => {
    const answer = await rawExchange(text)
    expect(answer.status).toBe(status)
    expect(answer.head).toMatch(/\r\nContent-Security-Policy: default-src 'none'/i)
    expect(answer.head).toMatch(/\r\nStrict-Transport-Security: max-age=/i)
    expect(answer.head).toMatch(/\r\nPermissions-Policy: /i)
    expect(answer.head).toMatch(/\r\nConnection: close\r\n|\r\nConnection: close$/i)
    expect(answer.body).toContain('<html lang="nb"')
  })
})

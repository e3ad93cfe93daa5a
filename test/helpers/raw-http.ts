import { createServer, type RequestListener, request, type Server } from 'node:http'
import { type AddressInfo, connect } from 'node:net'

export interface RawResponse {
  status: number
  /** Header lines as sent, in order: name, value, name, value, ... */
  rawHeaders: string[]
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** A real HTTP server on a free loopback port, for tests that need the bytes as sent. */
export async function listen(handler: RequestListener): Promise<{ server: Server; port: number }> {
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, port: (server.address() as AddressInfo).port }
}

/** One request, nothing decoded: the status, header lines and body bytes exactly as received. */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            rawHeaders: res.rawHeaders,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/**
 * Sends bytes as given on a connection of their own; the answer's status, head and body once
 * the server closes it (or after `waitMs`).
 */
export function rawExchange(
  port: number,
  text: string,
  waitMs = 3000,
): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk
    })
    socket.on('error', reject)
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n', 2)
      resolve({ status: Number(head.slice(9, 12)), head, body })
    })
    setTimeout(() => socket.destroy(), waitMs)
  })
}

import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

/** The answers each open connection still owes: started and not yet written out. */
export interface OpenConnections {
  /**
   * The request listener, counting each answer until it is written. A connection owing more
   * than `maxPending` is closed: its client sends requests and does not read the answers, and
   * every answer waiting in memory for it is memory an attacker chose.
   */
  guard(listener: RequestListener): RequestListener
  /**
   * For a shutdown: every answer not started yet says `Connection: close` and closes its
   * connection when written; connections that owe nothing (idle, or with a request still
   * arriving) close now.
   */
  drain(): void
}

export function trackConnections(server: Server, maxPending: number): OpenConnections {
  const owed = new Map<Socket, Set<ServerResponse>>()
  let draining = false
  server.on('connection', (socket: Socket) => {
    owed.set(socket, new Set())
    stopParsingWhenClosed(socket)
    socket.once('close', () => owed.delete(socket))
  })
  const closeWhenDone = (res: ServerResponse) => {
    // Before its headers are written, an answer can still be told to close its connection.
    if (!res.headersSent) res.shouldKeepAlive = false
  }
  return {
    guard: (listener) => (req: IncomingMessage, res: ServerResponse) => {
      const socket = req.socket
      // The rest of a chunk already read is still parsed after the connection is closed.
      if (socket.destroyed) return
      const answers = owed.get(socket)
      if (answers) {
        if (answers.size >= maxPending) {
          socket.destroy()
          return
        }
        answers.add(res)
        // 'close' comes once, when the answer is written or the connection lost.
        res.on('close', () => {
          answers.delete(res)
          if (draining && answers.size === 0) socket.destroySoon()
        })
      }
      if (draining) closeWhenDone(res)
      listener(req, res)
    },
    drain: () => {
      draining = true
      for (const [socket, answers] of owed) {
        if (answers.size === 0) socket.destroy()
        else for (const res of answers) closeWhenDone(res)
      }
    },
  }
}

/** What node:http keeps on a socket it reads requests from (node 20 and later). */
interface ParsedSocket {
  parser?: { onIncoming?: (req: IncomingMessage, keepAlive: boolean) => number }
}

/**
 * Node parses every request of a chunk it has read, even after the connection is closed: a
 * 64 KB chunk holds 2,000 small pipelined requests, and creating and then aborting them cost
 * seconds of CPU across a hundred connections. Answering "upgrade" (2) to the parser for a
 * closed connection makes it stop there. Where node keeps its parser differently, nothing
 * changes but the cost.
 */
function stopParsingWhenClosed(socket: Socket): void {
  const parser = (socket as ParsedSocket).parser
  const onIncoming = parser?.onIncoming
  if (!parser || typeof onIncoming !== 'function') return
  parser.onIncoming = (req, keepAlive) => (socket.destroyed ? 2 : onIncoming(req, keepAlive))
}

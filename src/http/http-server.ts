import { createServer, type RequestListener, type Server } from 'node:http'
import type { ServedSite } from '../build/served-site.js'
import { defaultMaxConnections } from '../config/environment.js'
import { answerClientError, answerExpectationFailed } from './client-error.js'
import { trackConnections } from './open-connections.js'

export interface ServerLimits {
  readonly headersTimeoutMs: number
  readonly requestTimeoutMs: number
  readonly keepAliveTimeoutMs: number
  readonly idleTimeoutMs: number
  readonly connectionsCheckingIntervalMs: number
  readonly maxHeaderSize: number
  readonly maxPendingAnswers: number
  readonly maxConnections: number
}

/** How long clients may take; slow clients (slowloris) are cut off within these bounds. */
export const serverLimits: ServerLimits = {
  /** Time to send the complete request headers. */
  headersTimeoutMs: 10_000,
  /** Time to send the complete request, body included. */
  requestTimeoutMs: 30_000,
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: 5_000,
  /** A connection on which nothing moves either way (a client that stops reading) is closed after this. */
  idleTimeoutMs: 20_000,
  /** How often the timeouts above are checked. */
  connectionsCheckingIntervalMs: 1_000,
  /** A header section over this many bytes gets 431. */
  maxHeaderSize: 16_384,
  /** A connection owing more answers than this, unread, is closed (pipelining abuse). */
  maxPendingAnswers: 16,
  /** Connections beyond this are refused at once, before the process runs out of file descriptors. */
  maxConnections: defaultMaxConnections,
}

/** The HTTP server, and the way it stops: answers in flight finish, the rest closes now. */
export interface SiteServer extends Server {
  closeGracefully(done: () => void): void
}

/**
 * The HTTP server, with its limits set when it is created: set after listen(), slow clients
 * were seen to keep sockets open.
 */
export function createHttpServer(
  handler: RequestListener,
  limits: Partial<ServerLimits> = {},
  /** The site in force, for the error pages of requests refused before the handler. */
  current?: () => ServedSite,
): SiteServer {
  const settings = { ...serverLimits, ...limits }
  const server = createServer({
    headersTimeout: settings.headersTimeoutMs,
    requestTimeout: settings.requestTimeoutMs,
    keepAliveTimeout: settings.keepAliveTimeoutMs,
    connectionsCheckingInterval: settings.connectionsCheckingIntervalMs,
    maxHeaderSize: settings.maxHeaderSize,
  })
  server.timeout = settings.idleTimeoutMs
  server.maxConnections = settings.maxConnections
  const connections = trackConnections(server, settings.maxPendingAnswers)
  server.on('request', connections.guard(handler))
  // A client that expects 100 Continue gets it only from the route that reads a body, after
  // its checks (routes/consent.ts); every other answer is final without it.
  server.on('checkContinue', connections.guard(handler))
  if (current) {
    server.on('clientError', answerClientError(current))
    server.on('checkExpectation', connections.guard(answerExpectationFailed(current)))
  }
  return Object.assign(server, {
    closeGracefully(done: () => void) {
      server.close(() => done())
      connections.drain()
    },
  })
}

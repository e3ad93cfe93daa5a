import { readFileSync } from 'node:fs'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'
import { freePort } from './free-port.js'
import { fixture } from './test-site.js'

/** One email as the test server received it: the envelope, the raw message and it parsed. */
export interface ReceivedMail {
  /** Whether it came over TLS. */
  readonly secure: boolean
  readonly envelopeFrom: string | undefined
  readonly envelopeTo: readonly string[]
  readonly user: string | undefined
  readonly raw: string
  readonly parsed: ParsedMail
}

export interface TestSmtpServer {
  readonly port: number
  /** SMTP_URL for this server, with the login when it asks for one. */
  readonly url: string
  readonly received: ReceivedMail[]
  stop(): Promise<void>
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 and a free port, keeping what it receives. With
 * `login`, it refuses mail until the client logs in with it; `refuseRecipient` answers every
 * RCPT TO with that reply code; with `tls`, it speaks TLS from the first byte (smtps://), with the
 * certificate for 127.0.0.1 in test/fixtures/tls. With `port`, it listens there (a server that
 * comes back where the site was told to send).
 */
export async function startSmtpServer(
  options: {
    login?: { user: string; pass: string }
    refuseRecipient?: number
    tls?: boolean
    port?: number
  } = {},
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = []
  const { login, refuseRecipient, tls = false } = options
  const settings: SMTPServerOptions = {
    secure: tls,
    ...(tls
      ? {
          cert: readFileSync(fixture('tls/loopback-cert.pem')),
          key: readFileSync(fixture('tls/loopback-key.pem')),
        }
      : {}),
    disabledCommands: login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !login,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === login?.user && auth.password === login?.pass) {
        return callback(null, { user: auth.username })
      }
      return callback(new Error('Invalid username or password'))
    },
    onRcptTo(_address, _session, callback) {
      if (refuseRecipient === undefined) return callback()
      const error = Object.assign(new Error(`recipient refused (${refuseRecipient})`), {
        responseCode: refuseRecipient,
      })
      return callback(error)
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        simpleParser(raw).then((parsed) => {
          const mailFrom = session.envelope.mailFrom
          received.push({
            secure: session.secure,
            envelopeFrom: mailFrom ? mailFrom.address : undefined,
            envelopeTo: session.envelope.rcptTo.map((address) => address.address),
            user: typeof session.user === 'string' ? session.user : undefined,
            raw: raw.toString('utf8'),
            parsed,
          })
          callback()
        }, callback)
      })
    },
  }
  const server = new SMTPServer(settings)
  const port = options.port ?? (await freePort())
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const credentials = login ? `${login.user}:${login.pass}@` : ''
  return {
    port,
    url: `${tls ? 'smtps' : 'smtp'}://${credentials}127.0.0.1:${port}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

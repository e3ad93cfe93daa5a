import pino from 'pino'

/** Structured log lines, one JSON object each. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
  /** Writes out anything buffered; call before the process exits. */
  flush(): void
}

/** How long a log line may wait in the buffer before it is written out. */
const flushIntervalMs = 250
const flushBytes = 64 * 1024

/**
 * Collects log lines and writes them to stdout in blocks: when 64 KB have gathered, and a quarter
 * of a second after the first line of a block, so a busy server makes a system call for every
 * few hundred requests rather than for each.
 */
function bufferedStdout(): { write(line: string): void; flushSync(): void } {
  let lines: string[] = []
  let bytes = 0
  let timer: NodeJS.Timeout | undefined
  const flushSync = () => {
    clearTimeout(timer)
    timer = undefined
    if (lines.length === 0) return
    const block = lines.join('')
    lines = []
    bytes = 0
    process.stdout.write(block)
  }
  return {
    write(line) {
      lines.push(line)
      bytes += line.length
      if (bytes >= flushBytes) flushSync()
      else if (timer === undefined) timer = setTimeout(flushSync, flushIntervalMs).unref()
    },
    flushSync,
  }
}

/** pino, as JSON lines on stdout. Never given an IP address, a cookie or a query string. */
export function createLogger(): Logger {
  const destination = bufferedStdout()
  const log = pino(
    {
      base: null,
      messageKey: 'message',
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  )
  return {
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
    flush: () => destination.flushSync(),
  }
}

/** A logger that keeps its lines in memory, for tests that check what was logged. */
export function createMemoryLogger(): Logger & {
  lines: { level: 'info' | 'warn' | 'error'; message: string; fields: Record<string, unknown> }[]
} {
  const lines: {
    level: 'info' | 'warn' | 'error'
    message: string
    fields: Record<string, unknown>
  }[] = []
  return {
    lines,
    info: (message, fields = {}) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields = {}) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields = {}) => lines.push({ level: 'error', message, fields }),
    flush: () => undefined,
  }
}

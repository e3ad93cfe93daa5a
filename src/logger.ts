/** Structured log lines, one JSON object each: stdout for info, stderr for warnings and errors. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

type Level = 'info' | 'warn' | 'error'

function line(level: Level, message: string, fields?: Record<string, unknown>): string {
  return `${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`
}

export function createLogger(): Logger {
  return {
    info: (message, fields) => process.stdout.write(line('info', message, fields)),
    warn: (message, fields) => process.stderr.write(line('warn', message, fields)),
    error: (message, fields) => process.stderr.write(line('error', message, fields)),
  }
}

/** A logger that keeps its lines in memory, for tests that check what was logged. */
export function createMemoryLogger(): Logger & { lines: { level: Level; message: string }[] } {
  const lines: { level: Level; message: string }[] = []
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
  }
}

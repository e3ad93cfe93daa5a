import { describe, expect, it } from 'vitest'
import { createLogger } from '../../src/log/logger.js'

/** A logger writing into a list, as the server's writes to stdout. */
function capturedLogger() {
  const lines: string[] = []
  const logger = createLogger({ write: (line) => lines.push(line), flushSync: () => undefined })
  return { logger, lines }
}

describe('the request log line', () => {
  it.each([
    { id: 'a1b2c3d4-1', method: 'GET', path: '/nb/', status: 200, ms: 0.12 },
    {
      id: 'a1b2c3d4-zz',
      method: 'HEAD',
      path: '/nb/"quoted"\\back\u0001/æøå/隐私',
      status: 404,
      ms: 12,
    },
    { id: 'a1b2c3d4-zy', method: 'M-SEARCH', path: '/', status: 500, ms: Number.NaN },
  ])('is what pino writes for the same fields: $path', (fields) => {
    const { logger, lines } = capturedLogger()
    logger.info('request', fields)
    logger.request(fields)
    expect(lines).toHaveLength(2)
    for (const line of lines) expect(line.endsWith('\n')).toBe(true)
    const [general, fast] = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(typeof fast?.time).toBe('number')
    expect({ ...fast, time: 0 }).toEqual({ ...general, time: 0 })
    expect(Object.keys(fast ?? {})).toEqual(Object.keys(general ?? {}))
  })
})

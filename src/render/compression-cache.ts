import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

/**
 * Compressed bodies kept on disk under the hash of what they compress, so that a start after
 * `npm run build` (which prepares them) or a restart need not compress again. An entry is used
 * only if it decompresses to exactly the body; anything else is compressed afresh.
 */
export interface CompressionCache {
  get(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer | undefined>
  put(body: Buffer, encoding: 'br' | 'gzip', compressed: Buffer): void
  /** Waits for the writes so far. */
  settle(): Promise<void>
}

/** Changes when the compression settings change, so old entries are never used. */
const settings = { br: 'br-q11', gzip: 'gzip-9' } as const

export function diskCompressionCache(dir: string): CompressionCache {
  const writes: Promise<unknown>[] = []
  const name = (body: Buffer, encoding: 'br' | 'gzip') =>
    path.join(dir, `${createHash('sha256').update(body).digest('hex')}.${settings[encoding]}`)
  const decompress = { br: brotliDecompressSync, gzip: gunzipSync }
  return {
    async get(body, encoding) {
      try {
        const compressed = await readFile(name(body, encoding))
        return decompress[encoding](compressed).equals(body) ? compressed : undefined
      } catch {
        return undefined
      }
    },
    put(body, encoding, compressed) {
      const file = name(body, encoding)
      const temporary = `${file}.${process.pid}.tmp`
      writes.push(
        (async () => {
          mkdirSync(dir, { recursive: true })
          await writeFile(temporary, compressed)
          await rename(temporary, file)
        })().catch(() => undefined), // a read-only disk only means compressing at every start
      )
    },
    async settle() {
      await Promise.all(writes.splice(0))
    },
  }
}

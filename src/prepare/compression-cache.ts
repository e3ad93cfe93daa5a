import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

/**
 * Compressed bodies kept on disk under the hash of what they compress. `npm run build` writes
 * them; the server only reads them, so that a start with the content the build saw need not
 * compress again. An entry is used only if it decompresses to exactly the body; anything else is
 * compressed afresh.
 */
export interface CompressionCache {
  get(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer | undefined>
  put(body: Buffer, encoding: 'br' | 'gzip', compressed: Buffer): void
  /** Waits for the writes so far. */
  settle(): Promise<void>
}

/** Part of every name: changes with the compression settings, so old entries are never used. */
const settings = { br: 'br-q11', gzip: 'gzip-9' } as const

export function diskCompressionCache(dir: string, options: { write: boolean }): CompressionCache {
  const writes: Promise<unknown>[] = []
  const name = (body: Buffer, encoding: 'br' | 'gzip') =>
    path.join(dir, `${createHash('sha256').update(body).digest('hex')}.${settings[encoding]}`)
  const decompress = { br: brotliDecompressSync, gzip: gunzipSync }
  return {
    async get(body, encoding) {
      try {
        const compressed = await readFile(name(body, encoding))
        // No more than the body's length: a damaged entry cannot make a large buffer.
        const plain = decompress[encoding](compressed, { maxOutputLength: body.length + 1 })
        return plain.equals(body) ? compressed : undefined
      } catch {
        return undefined
      }
    },
    put(body, encoding, compressed) {
      if (!options.write) return
      const file = name(body, encoding)
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`
      writes.push(
        (async () => {
          mkdirSync(dir, { recursive: true })
          try {
            await writeFile(temporary, compressed, { flag: 'wx' })
            await rename(temporary, file)
          } finally {
            await rm(temporary, { force: true })
          }
        })().catch(() => undefined), // a full or read-only disk only means compressing at start
      )
    },
    async settle() {
      await Promise.all(writes.splice(0))
    },
  }
}

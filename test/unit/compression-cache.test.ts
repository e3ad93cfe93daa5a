import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { diskCompressionCache } from '../../src/prepare/compression-cache.js'
import { prepareResponse } from '../../src/prepare/prepared-response.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
const cacheDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'compressed-'))
  dirs.push(dir)
  return dir
}

const body = Buffer.from(`<!doctype html><p>${'Personvernerklæring. '.repeat(200)}</p>`)
const options = {
  status: 200,
  contentType: 'text/html; charset=utf-8',
  cacheControl: 'no-cache',
  securityHeaders: [],
}

describe('compressed bodies kept between starts', () => {
  it('are written once, and a later start sends exactly the same bytes and headers', async () => {
    const dir = cacheDir()
    const first = diskCompressionCache(dir, { write: true })
    const fresh = await prepareResponse(body, { ...options, compressionCache: first })
    await first.settle()
    expect(readdirSync(dir).sort()).toEqual([
      expect.stringMatching(/^[0-9a-f]{64}\.br-q11$/),
      expect.stringMatching(/^[0-9a-f]{64}\.gzip-9$/),
    ])
    const again = await prepareResponse(body, {
      ...options,
      compressionCache: diskCompressionCache(dir, { write: true }),
    })
    expect(again).toEqual(fresh)
    expect(brotliDecompressSync(again.representations.br.body).equals(body)).toBe(true)
    expect(gunzipSync(again.representations.gzip.body).equals(body)).toBe(true)
  })

  it('are not used when they do not decompress to the body: it is compressed again', async () => {
    const dir = cacheDir()
    const cache = diskCompressionCache(dir, { write: true })
    await prepareResponse(body, { ...options, compressionCache: cache })
    await cache.settle()
    for (const file of readdirSync(dir)) writeFileSync(path.join(dir, file), 'not compressed')
    const again = diskCompressionCache(dir, { write: true })
    const repaired = await prepareResponse(body, { ...options, compressionCache: again })
    await again.settle()
    expect(brotliDecompressSync(repaired.representations.br.body).equals(body)).toBe(true)
    expect(gunzipSync(repaired.representations.gzip.body).equals(body)).toBe(true)
  })

  it('are only read by the server: what it compresses itself is not written', async () => {
    const dir = cacheDir()
    const cache = diskCompressionCache(dir, { write: false })
    await prepareResponse(body, { ...options, compressionCache: cache })
    await cache.settle()
    expect(readdirSync(dir)).toEqual([])
  })

  it('cost only the compressing when the folder cannot be written', async () => {
    const file = path.join(cacheDir(), 'a-file')
    writeFileSync(file, '')
    const cache = diskCompressionCache(path.join(file, 'compressed'), { write: true })
    const response = await prepareResponse(body, { ...options, compressionCache: cache })
    await cache.settle()
    expect(brotliDecompressSync(response.representations.br.body).equals(body)).toBe(true)
  })
})

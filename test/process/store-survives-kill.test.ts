import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/config/paths.js'
import { confirmRequest } from '../../src/store/confirm-request.js'
import type { CreatedRequest } from '../../src/store/create-request.js'
import { openStore } from '../../src/store/open-store.js'
import { testSealingKey } from '../helpers/store-under-test.js'

const dir = mkdtempSync(path.join(tmpdir(), 'store-kill-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a request the store acknowledged', () => {
  it('is still there after the process is killed with SIGKILL right after', async () => {
    const file = path.join(dir, 'data', 'requests.sqlite')
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/helpers/create-requests-until-killed.ts', file],
      { cwd: packageRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const exited = once(child, 'exit')
    const acknowledged: CreatedRequest[] = []
    // Killed the moment the 10th create resolves, while it is already writing the 11th.
    for await (const line of createInterface({ input: child.stdout })) {
      acknowledged.push(JSON.parse(line))
      if (acknowledged.length === 10) child.kill('SIGKILL')
    }
    const [code, signal] = await exited
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' })
    expect(acknowledged.length).toBeGreaterThanOrEqual(10)

    const store = openStore({ sqlitePath: file })
    try {
      const kept = await store.db.selectFrom('privacy_requests').select('reference').execute()
      const references = new Set(kept.map((row) => row.reference))
      for (const request of acknowledged) expect(references).toContain(request.reference)
      const mails = await store.db.selectFrom('mail_outbox').select('request_id').execute()
      expect(mails).toHaveLength(kept.length)
      const last = acknowledged.at(-1)
      expect(
        await confirmRequest(store.db, last?.confirmToken ?? '', new Date(), {
          sealingKey: testSealingKey,
        }),
      ).toMatchObject({
        outcome: 'confirmed',
        reference: last?.reference,
      })
    } finally {
      await store.close()
    }
  })
})

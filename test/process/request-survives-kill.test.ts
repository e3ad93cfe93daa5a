import { once } from 'node:events'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/open-store.js'
import { freePort } from '../helpers/free-port.js'
import { requestsOnConfig } from '../helpers/request-site.js'
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js'
import { testBaseUrl } from '../helpers/test-site.js'

const running: ServerProcess[] = []
afterEach(() => {
  for (const server of running.splice(0)) server.child.kill('SIGKILL')
})

async function start(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const server = await startServerProcess({
    SITE_CONFIG: requestsOnConfig(),
    DATA_DIR: dataDir,
    ...env,
  })
  running.push(server)
  return server
}

const send = (port: number, index: number) =>
  fetch(`http://127.0.0.1:${port}/nb/request`, {
    method: 'POST',
    headers: { Origin: testBaseUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      kind: 'erasure',
      name: `Besøkende ${index}`,
      email: `visitor-${index}@example.no`,
    }),
  })

// The server starts from the sources: seconds on a busy machine.
describe('a privacy request acknowledged to the visitor', { timeout: 60_000 }, () => {
  it('is kept, with its email, when the server is killed right after answering, and the email leaves after a restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'requests-killed-'))
    // A mail server nobody answers: no email can leave before the kill.
    const first = await start(dataDir, {
      SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
      MAIL_FROM: 'personvern@example.no',
    })
    const references: string[] = []
    for (let index = 1; index <= 10; index++) {
      const answer = await send(first.port, index)
      expect(answer.status).toBe(200)
      references.push(/PR-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(await answer.text())?.[0] ?? '')
    }
    // No time to send anything: killed the moment the tenth answer is read.
    first.child.kill('SIGKILL')
    await once(first.child, 'exit')

    const store = openStore({ sqlitePath: path.join(dataDir, 'requests.sqlite') })
    try {
      const kept = await store.db.selectFrom('privacy_requests').select('reference').execute()
      expect(kept.map((row) => row.reference).sort()).toEqual([...references].sort())
      const mails = await store.db.selectFrom('mail_outbox').select('request_id').execute()
      expect(mails).toHaveLength(references.length)
      expect(
        await store.db
          .selectFrom('mail_outbox')
          .where('sent_at', 'is not', null)
          .select('id')
          .execute(),
      ).toEqual([])
      // Later on: the retries' back-off, and any claim of the killed process, have run out.
      await store.db
        .updateTable('mail_outbox')
        .set({ next_attempt_at: new Date(Date.now() - 1000).toISOString() })
        .where('sent_at', 'is', null)
        .execute()
    } finally {
      await store.close()
    }

    // A restart (with the outbox folder for mail) sends every queued email, each once.
    const outbox = path.join(dataDir, 'outbox')
    await start(dataDir)
    const deadline = Date.now() + 30_000
    while ((existsSync(outbox) ? readdirSync(outbox).length : 0) < references.length) {
      if (Date.now() > deadline)
        throw new Error('the queued emails were not sent after the restart')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
    const subjects = await Promise.all(
      readdirSync(outbox).map(
        async (name) => (await simpleParser(readFileSync(path.join(outbox, name)))).subject ?? '',
      ),
    )
    expect(subjects).toHaveLength(references.length)
    for (const reference of references) {
      expect(subjects.filter((subject) => subject.includes(reference))).toHaveLength(1)
    }
  })
})

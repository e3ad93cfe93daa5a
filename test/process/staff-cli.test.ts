import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/config/paths.js'
import { signIn } from '../../src/staff/sign-in.js'
import { openStore, type StoreOptions } from '../../src/store/open-store.js'
import {
  type PostgresServer,
  postgresAvailable,
  startPostgres,
} from '../helpers/postgres-server.js'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function staff(env: Record<string, string>, args: string[], input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/staff.ts', ...args], {
      cwd: packageRoot,
      env: { PATH: process.env.PATH, ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
}

const password = 'en lang og god passordfrase\n'

const kinds = postgresAvailable() ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)

describe.each(kinds)('npm run staff on %s', (kind) => {
  let server: PostgresServer | undefined
  let dir: string
  let env: Record<string, string>
  let options: StoreOptions
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'staff-cli-'))
    if (kind === 'postgres') {
      server = await startPostgres()
      env = { DATABASE_URL: server.url, DATA_DIR: dir }
      options = { databaseUrl: server.url }
    } else {
      env = { DATA_DIR: dir }
      options = { sqlitePath: path.join(dir, 'requests.sqlite') }
    }
  })
  afterAll(async () => {
    await server?.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  const withStore = async <T>(use: (store: ReturnType<typeof openStore>) => Promise<T>) => {
    const store = openStore(options)
    try {
      return await use(store)
    } finally {
      await store.close()
    }
  }

  it('adds an account with the password piped in, and it signs in', async () => {
    expect(await staff(env, ['add', 'Kari@Example.no'], password)).toEqual({
      code: 0,
      stdout: 'kari@example.no: account added\n',
      stderr: '',
    })
    const result = await withStore((store) =>
      signIn(store.db, 'kari@example.no', password.trim(), new Date()),
    )
    expect(result.outcome).toBe('signed-in')
  })

  it.each([
    [['add', 'kari@example.no'], password, 'npm run staff: kari@example.no already has an account'],
    [['add', 'ola'], password, 'npm run staff: ola is not an email address'],
    [
      ['add', 'ola@example.no'],
      'kort\n',
      'npm run staff: the password must be at least 12 characters long',
    ],
    [
      ['add', 'ola@example.no'],
      'passwordpassword\n',
      'npm run staff: the password is one of the most common passwords',
    ],
    [['disable', 'ola@example.no'], '', 'npm run staff: ola@example.no has no account'],
    [
      ['reset-password', 'ola@example.no'],
      password,
      'npm run staff: ola@example.no has no account',
    ],
    [['remove', 'ola@example.no'], '', 'usage: npm run staff -- add|disable|reset-password EMAIL'],
    [['add'], '', 'usage: npm run staff -- add|disable|reset-password EMAIL'],
  ])('refuses %j in one line, exit 1', async (args, input, message) => {
    expect(await staff(env, args, input)).toEqual({ code: 1, stdout: '', stderr: `${message}\n` })
  })

  it('resets a password, then disables the account, each in the audit trail', async () => {
    const reset = await staff(
      env,
      ['reset-password', 'kari@example.no'],
      'et helt nytt passord\r\n',
    )
    expect(reset).toMatchObject({
      code: 0,
      stdout: 'kari@example.no: password reset, its sessions ended\n',
    })
    const now = new Date()
    const signedIn = await withStore((store) =>
      signIn(store.db, 'kari@example.no', 'et helt nytt passord', now),
    )
    expect(signedIn.outcome).toBe('signed-in')
    expect(await staff(env, ['disable', 'kari@example.no'])).toMatchObject({
      code: 0,
      stdout: 'kari@example.no: disabled, its sessions ended\n',
    })
    const events = await withStore((store) =>
      store.db
        .selectFrom('audit_events')
        .select(['action', 'actor', 'details'])
        .where('action', 'in', ['account-added', 'password-reset', 'account-disabled'])
        .orderBy('at')
        .execute(),
    )
    expect(events).toEqual(
      ['account-added', 'password-reset', 'account-disabled'].map((action) => ({
        action,
        actor: null,
        details: '{"account":"kari@example.no","via":"npm run staff"}',
      })),
    )
  })
})

// npm run staff -- add|disable|reset-password EMAIL: staff accounts in the records' database,
// SQLite in DATA_DIR or DATABASE_URL. The password comes from standard input, one line.
import path from 'node:path'
import { parseDatabaseUrl } from '../config/database-url.js'
import { dataDirFrom } from '../config/environment.js'
import { recordEvent } from '../staff/audit-trail.js'
import { passwordProblemText } from '../staff/password.js'
import {
  AccountRefused,
  addAccount,
  disableAccount,
  resetPassword,
} from '../staff/staff-accounts.js'
import { migrateToLatest } from '../store/migrate.js'
import { openStore, type Store } from '../store/open-store.js'
import { staffPasswordInput } from './staff-password-input.js'

const usage = 'usage: npm run staff -- add|disable|reset-password EMAIL'

const refusals: Record<AccountRefused['problem'], string> = {
  'bad-email': 'is not an email address',
  'weak-password': 'needs another password',
  duplicate: 'already has an account',
  'unknown-account': 'has no account',
}

function reasonOf(error: unknown, email: string): string {
  if (error instanceof AccountRefused) {
    return error.passwordProblem
      ? passwordProblemText[error.passwordProblem]
      : `${email} ${refusals[error.problem]}`
  }
  const code = (error as { code?: unknown }).code
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT') {
    return `cannot connect to the database in DATABASE_URL (${code})`
  }
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0] ?? message
}

async function run(store: Store, command: string, email: string): Promise<string> {
  const now = new Date()
  const via = { via: 'npm run staff' }
  if (command === 'disable') {
    const account = await disableAccount(store.db, email, now)
    await recordEvent(store.db, {
      actor: null,
      action: 'account-disabled',
      details: { account: account.email, ...via },
      at: now,
    })
    return `${account.email}: disabled, its sessions ended`
  }
  const { password, generated } = await staffPasswordInput(process.stdin)
  const account =
    command === 'add'
      ? await addAccount(store.db, email, password, now)
      : await resetPassword(store.db, email, password)
  await recordEvent(store.db, {
    actor: null,
    action: command === 'add' ? 'account-added' : 'password-reset',
    details: { account: account.email, ...via },
    at: now,
  })
  const done = command === 'add' ? 'account added' : 'password reset, its sessions ended'
  return generated
    ? `${account.email}: ${done}; password (shown once): ${password}`
    : `${account.email}: ${done}`
}

const [command, email, ...extra] = process.argv.slice(2)
if (!command || !['add', 'disable', 'reset-password'].includes(command) || !email || extra.length) {
  console.error(usage)
  process.exitCode = 1
} else {
  let store: Store | undefined
  try {
    const databaseUrl = parseDatabaseUrl(process.env.DATABASE_URL)
    store = openStore({
      databaseUrl,
      sqlitePath: path.join(dataDirFrom(process.env), 'requests.sqlite'),
    })
    await migrateToLatest(store.db)
    console.log(await run(store, command, email))
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause ?? error
    const first = cause instanceof AggregateError ? (cause.errors[0] ?? cause) : cause
    console.error(
      `npm run staff: ${reasonOf(error instanceof AccountRefused ? error : first, email)}`,
    )
    process.exitCode = 1
  } finally {
    await store?.close()
  }
}

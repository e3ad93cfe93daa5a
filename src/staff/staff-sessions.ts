import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { StoreDatabase } from '../store/schema.js'
import { newToken, tokenHash } from '../store/store-tokens.js'

const minute = 60_000
const hour = 60 * minute
/** A session left alone this long ends. */
export const sessionIdleMs = 8 * hour
/** And none lasts longer than this, however busy. */
export const sessionMaxMs = 24 * hour
// last_seen_at is written at most this often: a page a second must not be a write a second.
const touchEveryMs = minute

export interface NewSession {
  /** For the cookie only: the database keeps its SHA-256. */
  readonly token: string
  readonly csrfToken: string
}

export interface SessionOf {
  readonly account: { readonly id: string; readonly email: string }
  readonly csrfToken: string
}

export async function createSession(
  db: Kysely<StoreDatabase>,
  accountId: string,
  now: Date,
): Promise<NewSession> {
  const session = { token: newToken(), csrfToken: randomBytes(32).toString('base64url') }
  await db
    .insertInto('staff_sessions')
    .values({
      id_hash: tokenHash(session.token),
      account_id: accountId,
      csrf_token: session.csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + sessionMaxMs).toISOString(),
    })
    .execute()
  return session
}

/** The account behind a session token, or undefined: unknown, idle, too old, ended, disabled. */
export async function findSession(
  db: Kysely<StoreDatabase>,
  token: string,
  now: Date,
): Promise<SessionOf | undefined> {
  const idHash = tokenHash(token)
  const row = await db
    .selectFrom('staff_sessions')
    .innerJoin('staff_accounts', 'staff_accounts.id', 'staff_sessions.account_id')
    .select(['staff_accounts.id', 'staff_accounts.email', 'csrf_token', 'last_seen_at'])
    .where('id_hash', '=', idHash)
    .where('expires_at', '>', now.toISOString())
    .where('last_seen_at', '>', new Date(now.getTime() - sessionIdleMs).toISOString())
    .where('staff_accounts.disabled_at', 'is', null)
    .executeTakeFirst()
  if (!row) return undefined
  if (now.getTime() - Date.parse(row.last_seen_at) >= touchEveryMs) {
    await db
      .updateTable('staff_sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id_hash', '=', idHash)
      .execute()
  }
  return { account: { id: row.id, email: row.email }, csrfToken: row.csrf_token }
}

/** Signs out: the token opens nothing from now on. */
export async function endSession(db: Kysely<StoreDatabase>, token: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('id_hash', '=', tokenHash(token)).execute()
}

export async function endAllSessions(db: Kysely<StoreDatabase>, accountId: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('account_id', '=', accountId).execute()
}

/** Forgets the sessions that can no longer be used; resolves to how many. */
export async function deleteExpiredSessions(db: Kysely<StoreDatabase>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('staff_sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now.toISOString()),
        eb('last_seen_at', '<=', new Date(now.getTime() - sessionIdleMs).toISOString()),
      ]),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

import type { Kysely } from 'kysely'
import type { StoreDatabase } from '../store/schema.js'
import { recordEvent } from './audit-trail.js'
import { lockedUntil } from './lockout.js'
import { hashPassword, verifyPassword } from './password.js'
import { normalizeEmail, type StaffAccount } from './staff-accounts.js'
import { createSession, type NewSession } from './staff-sessions.js'

export type SignIn =
  | { readonly outcome: 'signed-in'; readonly account: StaffAccount; readonly session: NewSession }
  | { readonly outcome: 'refused' }
  | { readonly outcome: 'locked'; readonly until: Date }

// Checked against when the address is unknown, so that an unknown address takes as long as a
// wrong password and the time taken does not tell which addresses have accounts.
let dummyHash: Promise<string> | undefined
const dummy = () => {
  dummyHash ??= hashPassword('no account has this password, it only takes the time')
  return dummyHash
}

const refused = { outcome: 'refused' } as const

/**
 * Signs a staff member in. An unknown address, a wrong password and a disabled account get the
 * same answer, after the same work: one password verification.
 */
export async function signIn(
  db: Kysely<StoreDatabase>,
  email: string,
  password: string,
  now: Date,
): Promise<SignIn> {
  const row = await db
    .selectFrom('staff_accounts')
    .selectAll()
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst()
  const matches = await verifyPassword(password, row?.password_hash ?? (await dummy()))
  if (!row) {
    await recordEvent(db, { actor: null, action: 'sign-in-refused', at: now })
    return refused
  }
  const actor = { id: row.id, email: row.email }
  const refuse = async (reason: string) => {
    await recordEvent(db, { actor, action: 'sign-in-refused', details: { reason }, at: now })
  }
  if (row.disabled_at !== null) {
    await refuse('disabled')
    return refused
  }
  if (row.locked_until !== null && row.locked_until > now.toISOString()) {
    await refuse('locked')
    return { outcome: 'locked', until: new Date(row.locked_until) }
  }
  if (!matches) return failed(db, actor, now, refuse)

  await db
    .updateTable('staff_accounts')
    .set({ failed_signins: 0, locked_until: null })
    .where('id', '=', row.id)
    .execute()
  const session = await createSession(db, row.id, now)
  await recordEvent(db, { actor, action: 'sign-in', at: now })
  return { outcome: 'signed-in', account: { ...actor, disabledAt: null }, session }
}

async function failed(
  db: Kysely<StoreDatabase>,
  actor: { id: string; email: string },
  now: Date,
  refuse: (reason: string) => Promise<void>,
): Promise<SignIn> {
  // One increment in the database: two processes failing at once both count.
  const { failed_signins: failures } = await db
    .updateTable('staff_accounts')
    .set((eb) => ({ failed_signins: eb('failed_signins', '+', 1) }))
    .where('id', '=', actor.id)
    .returning('failed_signins')
    .executeTakeFirstOrThrow()
  const until = lockedUntil(failures, now)
  if (!until) {
    await refuse('password')
    return refused
  }
  await db
    .updateTable('staff_accounts')
    .set({ locked_until: until.toISOString() })
    .where('id', '=', actor.id)
    .execute()
  await refuse('password, now locked')
  return { outcome: 'locked', until }
}

import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { StoreDatabase } from '../store/schema.js'
import { isUniqueViolation } from '../store/unique-violation.js'
import { hashPassword, type PasswordProblem, passwordProblem } from './password.js'
import { endAllSessions } from './staff-sessions.js'

export interface StaffAccount {
  readonly id: string
  readonly email: string
  readonly disabledAt: string | null
}

export type AccountProblem = 'bad-email' | 'weak-password' | 'duplicate' | 'unknown-account'

/** Why a change to an account was refused; `passwordProblem` says why a password was. */
export class AccountRefused extends Error {
  constructor(
    readonly problem: AccountProblem,
    readonly passwordProblem?: PasswordProblem,
  ) {
    super(passwordProblem ? `${problem}: ${passwordProblem}` : problem)
    this.name = 'AccountRefused'
  }
}

/** The address as stored and searched: trimmed, lower-case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** A plausible single address; whether it receives mail is the person's business. */
export function isStaffEmail(email: string): boolean {
  return email.length <= 254 && /^[^\s@",;<>]+@[^\s@",;<>]+\.[^\s@",;<>]+$/.test(email)
}

function checkPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email)
  if (problem) throw new AccountRefused('weak-password', problem)
}

export async function findAccountByEmail(
  db: Kysely<StoreDatabase>,
  email: string,
): Promise<StaffAccount | undefined> {
  return db
    .selectFrom('staff_accounts')
    .select(['id', 'email', 'disabled_at as disabledAt'])
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst()
}

async function existingAccount(db: Kysely<StoreDatabase>, email: string): Promise<StaffAccount> {
  const account = await findAccountByEmail(db, email)
  if (!account) throw new AccountRefused('unknown-account')
  return account
}

/** A new account; refuses a malformed address, a weak password or an address already used. */
export async function addAccount(
  db: Kysely<StoreDatabase>,
  email: string,
  password: string,
  now: Date,
): Promise<StaffAccount> {
  const address = normalizeEmail(email)
  if (!isStaffEmail(address)) throw new AccountRefused('bad-email')
  checkPassword(password, address)
  const account = { id: randomUUID(), email: address, disabledAt: null }
  try {
    await db
      .insertInto('staff_accounts')
      .values({
        id: account.id,
        email: address,
        password_hash: await hashPassword(password),
        created_at: now.toISOString(),
        failed_signins: 0,
      })
      .execute()
  } catch (error) {
    if (isUniqueViolation(error)) throw new AccountRefused('duplicate')
    throw error
  }
  return account
}

/** Disables an account for good and ends its sessions; its notes and events stay. */
export async function disableAccount(
  db: Kysely<StoreDatabase>,
  email: string,
  now: Date,
): Promise<StaffAccount> {
  const account = await existingAccount(db, email)
  const disabledAt = account.disabledAt ?? now.toISOString()
  await db
    .updateTable('staff_accounts')
    .set({ disabled_at: disabledAt })
    .where('id', '=', account.id)
    .execute()
  await endAllSessions(db, account.id)
  return { ...account, disabledAt }
}

/** A new password: every session of the account ends, and a lockout is lifted. */
export async function resetPassword(
  db: Kysely<StoreDatabase>,
  email: string,
  password: string,
): Promise<StaffAccount> {
  const account = await existingAccount(db, email)
  checkPassword(password, account.email)
  await db
    .updateTable('staff_accounts')
    .set({ password_hash: await hashPassword(password), failed_signins: 0, locked_until: null })
    .where('id', '=', account.id)
    .execute()
  await endAllSessions(db, account.id)
  return account
}

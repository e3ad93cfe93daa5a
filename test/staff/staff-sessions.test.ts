import { describe, expect, it } from 'vitest'
import { signIn } from '../../src/staff/sign-in.js'
import { addAccount, disableAccount, resetPassword } from '../../src/staff/staff-accounts.js'
import {
  createSession,
  deleteExpiredSessions,
  endSession,
  findSession,
} from '../../src/staff/staff-sessions.js'
import { openStore } from '../../src/store/open-store.js'
import { newToken, tokenHash } from '../../src/store/store-tokens.js'
import { storeKinds, useStore } from '../helpers/store-under-test.js'

const now = new Date('2026-04-01T10:00:00.000Z')
const minute = 60_000
const hour = 60 * minute
const at = (ms: number) => new Date(now.getTime() + ms)
const password = 'en lang og god passordfrase'

describe.each(storeKinds())('staff sessions on %s', (kind) => {
  const subject = useStore(kind)
  const db = () => subject.store().db
  const session = async () => {
    const account = await addAccount(db(), 'kari@example.no', password, now)
    return { account, ...(await createSession(db(), account.id, now)) }
  }
  const lastSeen = async () =>
    (await db().selectFrom('staff_sessions').select('last_seen_at').executeTakeFirstOrThrow())
      .last_seen_at

  it('keeps only the hash of the token, and a random CSRF token of its own', async () => {
    const { token, csrfToken } = await session()
    expect(token).toMatch(/^[\w-]{43}$/)
    expect(csrfToken).toMatch(/^[\w-]{43}$/)
    expect(csrfToken).not.toBe(token)
    const rows = await db().selectFrom('staff_sessions').selectAll().execute()
    expect(rows).toEqual([
      expect.objectContaining({ id_hash: tokenHash(token), csrf_token: csrfToken }),
    ])
    expect(JSON.stringify(rows)).not.toContain(token)
  })

  it('refuses a guessed token', async () => {
    await session()
    expect(await findSession(db(), newToken(), now)).toBeUndefined()
    expect(await findSession(db(), '', now)).toBeUndefined()
  })

  it('ends after 8 hours without use, counted from the last use', async () => {
    const { token } = await session()
    expect(await findSession(db(), token, at(8 * hour - 1))).toBeDefined()
    expect(await findSession(db(), token, at(16 * hour - 2))).toBeDefined()
    expect(await findSession(db(), token, at(24 * hour - 2))).toBeUndefined()
  })

  it('ends 8 hours after the last use', async () => {
    const { token } = await session()
    expect(await findSession(db(), token, at(8 * hour))).toBeUndefined()
  })

  it('ends 24 hours after it began, however busy', async () => {
    const { token } = await session()
    for (let h = 1; h < 24; h++) expect(await findSession(db(), token, at(h * hour))).toBeDefined()
    expect(await findSession(db(), token, at(24 * hour - 1))).toBeDefined()
    expect(await findSession(db(), token, at(24 * hour))).toBeUndefined()
  })

  it('writes the last use at most once a minute', async () => {
    const { token } = await session()
    await findSession(db(), token, at(59_999))
    expect(await lastSeen()).toBe(now.toISOString())
    await findSession(db(), token, at(minute))
    expect(await lastSeen()).toBe(at(minute).toISOString())
  })

  it('ends at sign-out', async () => {
    const { token } = await session()
    await endSession(db(), token)
    expect(await findSession(db(), token, now)).toBeUndefined()
  })

  it('ends every session of the account when its password is reset', async () => {
    await addAccount(db(), 'kari@example.no', password, now)
    await addAccount(db(), 'ola@example.no', password, now)
    const signedIn = await Promise.all(
      ['kari@example.no', 'kari@example.no', 'ola@example.no'].map((email) =>
        signIn(db(), email, password, now),
      ),
    )
    const tokens = signedIn.map((result) =>
      result.outcome === 'signed-in' ? result.session.token : '',
    )
    await resetPassword(db(), 'kari@example.no', 'et helt nytt passord')
    const found = await Promise.all(tokens.map((token) => findSession(db(), token, now)))
    expect(found.map((one) => one?.account.email)).toEqual([undefined, undefined, 'ola@example.no'])
  })

  it("refuses a disabled account's session", async () => {
    const { token, account } = await session()
    await db()
      .updateTable('staff_accounts')
      .set({ disabled_at: now.toISOString() })
      .where('id', '=', account.id)
      .execute()
    expect(await findSession(db(), token, now)).toBeUndefined()
    await disableAccount(db(), 'kari@example.no', now)
    expect(await db().selectFrom('staff_sessions').selectAll().execute()).toEqual([])
  })

  it('forgets the sessions that can no longer be used', async () => {
    const { token, account } = await session()
    const later = await createSession(db(), account.id, at(20 * hour))
    expect(await deleteExpiredSessions(db(), at(8 * hour))).toBe(1)
    expect(await findSession(db(), token, at(8 * hour))).toBeUndefined()
    expect(await findSession(db(), later.token, at(21 * hour))).toBeDefined()
    expect(await deleteExpiredSessions(db(), at(44 * hour))).toBe(1)
  })

  it('is the same session for a second store on the same database, as another process', async () => {
    const { token, account } = await session()
    const other = openStore(subject.options())
    try {
      expect(await findSession(other.db, token, at(minute))).toMatchObject({
        account: { id: account.id },
      })
      await endSession(other.db, token)
      expect(await findSession(db(), token, at(minute))).toBeUndefined()
    } finally {
      await other.close()
    }
  })
})

import { describe, expect, it } from 'vitest'
import {
  AccountRefused,
  addAccount,
  disableAccount,
  findAccountByEmail,
  resetPassword,
} from '../../src/staff/staff-accounts.js'
import { storeKinds, useStore } from '../helpers/store-under-test.js'

const now = new Date('2026-04-01T10:00:00.000Z')
const password = 'en lang og god passordfrase'

describe.each(storeKinds())('staff accounts on %s', (kind) => {
  const subject = useStore(kind)
  const db = () => subject.store().db

  it('keeps the address lower-case and finds it whatever the case', async () => {
    const added = await addAccount(db(), ' Kari.Nordmann@Example.NO ', password, now)
    expect(added.email).toBe('kari.nordmann@example.no')
    expect(await findAccountByEmail(db(), 'KARI.nordmann@example.no')).toEqual(added)
    const row = await db().selectFrom('staff_accounts').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ created_at: now.toISOString(), failed_signins: 0 })
    expect(row.password_hash).toMatch(/^scrypt\$/)
    expect(row.password_hash).not.toContain(password)
  })

  it('refuses an address already used, in any case', async () => {
    await addAccount(db(), 'kari@example.no', password, now)
    await expect(addAccount(db(), 'KARI@example.no', password, now)).rejects.toMatchObject({
      problem: 'duplicate',
    })
  })

  it.each(['kari', 'kari@', '@example.no', 'kari@example', 'kari nordmann@example.no'])(
    'refuses the address %j',
    async (email) => {
      await expect(addAccount(db(), email, password, now)).rejects.toMatchObject({
        problem: 'bad-email',
      })
    },
  )

  it('refuses a weak password with the reason, and keeps no account', async () => {
    const refused = await addAccount(db(), 'kari@example.no', 'kort', now).catch((e) => e)
    expect(refused).toBeInstanceOf(AccountRefused)
    expect(refused).toMatchObject({ problem: 'weak-password', passwordProblem: 'too-short' })
    await expect(
      addAccount(db(), 'kari.nordmann@example.no', 'Kari.Nordmann', now),
    ).rejects.toMatchObject({ passwordProblem: 'email' })
    expect(await findAccountByEmail(db(), 'kari@example.no')).toBeUndefined()
  })

  it('disables an account, once, and refuses to disable or reset an unknown one', async () => {
    await addAccount(db(), 'kari@example.no', password, now)
    expect(await disableAccount(db(), 'kari@example.no', now)).toMatchObject({
      disabledAt: now.toISOString(),
    })
    const later = new Date(now.getTime() + 60_000)
    expect(await disableAccount(db(), 'kari@example.no', later)).toMatchObject({
      disabledAt: now.toISOString(),
    })
    await expect(disableAccount(db(), 'ola@example.no', now)).rejects.toMatchObject({
      problem: 'unknown-account',
    })
    await expect(resetPassword(db(), 'ola@example.no', password)).rejects.toMatchObject({
      problem: 'unknown-account',
    })
  })

  it('refuses a weak new password', async () => {
    await addAccount(db(), 'kari@example.no', password, now)
    await expect(resetPassword(db(), 'kari@example.no', 'kari')).rejects.toMatchObject({
      problem: 'weak-password',
      passwordProblem: 'too-short',
    })
  })
})

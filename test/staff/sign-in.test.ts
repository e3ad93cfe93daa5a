import { describe, expect, it } from 'vitest'
import { eventsOf } from '../../src/staff/audit-trail.js'
import { signIn } from '../../src/staff/sign-in.js'
import { countSignInAttempt } from '../../src/staff/sign-in-limits.js'
import { addAccount, disableAccount, resetPassword } from '../../src/staff/staff-accounts.js'
import { findSession } from '../../src/staff/staff-sessions.js'
import { storeKinds, useStore } from '../helpers/store-under-test.js'

const now = new Date('2026-04-01T10:00:00.000Z')
const minute = 60_000
const hour = 60 * minute
const at = (ms: number) => new Date(now.getTime() + ms)
const password = 'en lang og god passordfrase'
const wrong = 'ikke det riktige passordet'
const secret = Buffer.from('the secret every process counts with', 'utf8')

describe.each(storeKinds())('staff sign-in on %s', (kind) => {
  const subject = useStore(kind)
  const db = () => subject.store().db
  const add = () => addAccount(db(), 'kari@example.no', password, now)
  const failTimes = async (times: number, when: Date) => {
    const outcomes = []
    for (let i = 0; i < times; i++)
      outcomes.push(await signIn(db(), 'kari@example.no', wrong, when))
    return outcomes
  }

  it('signs in with the right password, in any case of the address, and opens a session', async () => {
    const account = await add()
    const result = await signIn(db(), 'KARI@example.no', password, now)
    expect(result).toMatchObject({ outcome: 'signed-in', account: { id: account.id } })
    if (result.outcome !== 'signed-in') return
    expect(await findSession(db(), result.session.token, now)).toEqual({
      account: { id: account.id, email: 'kari@example.no' },
      csrfToken: result.session.csrfToken,
    })
  })

  it('refuses an unknown address, a wrong password and a disabled account alike', async () => {
    await add()
    await addAccount(db(), 'ola@example.no', password, now)
    await disableAccount(db(), 'ola@example.no', now)
    const outcomes = [
      await signIn(db(), 'nobody@example.no', password, now),
      await signIn(db(), 'kari@example.no', wrong, now),
      await signIn(db(), 'ola@example.no', password, now),
    ]
    expect(outcomes).toEqual([
      { outcome: 'refused' },
      { outcome: 'refused' },
      { outcome: 'refused' },
    ])
  })

  it('locks after 5 failures in a row for 15 minutes, even the right password', async () => {
    await add()
    const outcomes = await failTimes(5, now)
    expect(outcomes.slice(0, 4)).toEqual(Array(4).fill({ outcome: 'refused' }))
    expect(outcomes[4]).toEqual({ outcome: 'locked', until: at(15 * minute) })
    expect(await signIn(db(), 'kari@example.no', password, at(15 * minute - 1))).toEqual({
      outcome: 'locked',
      until: at(15 * minute),
    })
    expect(await signIn(db(), 'kari@example.no', password, at(15 * minute))).toMatchObject({
      outcome: 'signed-in',
    })
  })

  it('doubles the lock at each further 5 failures, up to 24 hours, never forever', async () => {
    await add()
    let when = now
    const locks: number[] = []
    for (let lock = 0; lock < 10; lock++) {
      const outcome = (await failTimes(5, when))[4]
      if (outcome?.outcome !== 'locked') throw new Error(`lock ${lock}: ${outcome?.outcome}`)
      locks.push((outcome.until.getTime() - when.getTime()) / minute)
      when = outcome.until
    }
    expect(locks).toEqual([15, 30, 60, 120, 240, 480, 960, 1440, 1440, 1440])
    expect(await signIn(db(), 'kari@example.no', password, when)).toMatchObject({
      outcome: 'signed-in',
    })
  }, 60_000)

  it('starts counting again after a success', async () => {
    await add()
    await failTimes(4, now)
    await signIn(db(), 'kari@example.no', password, now)
    expect(await failTimes(4, now)).toEqual(Array(4).fill({ outcome: 'refused' }))
  })

  it('lifts a lock when the password is reset', async () => {
    await add()
    await failTimes(5, now)
    await resetPassword(db(), 'kari@example.no', 'et helt nytt passord')
    expect(await signIn(db(), 'kari@example.no', 'et helt nytt passord', now)).toMatchObject({
      outcome: 'signed-in',
    })
  })

  it('records sign-ins and refusals in the audit trail, without the password', async () => {
    const account = await add()
    await signIn(db(), 'kari@example.no', wrong, at(hour))
    await signIn(db(), 'kari@example.no', password, at(hour + 1))
    const events = await db()
      .selectFrom('audit_events')
      .selectAll()
      .where('actor', '=', account.id)
      .orderBy('at')
      .execute()
    expect(events.map((event) => event.action)).toEqual(['sign-in-refused', 'sign-in'])
    expect(events[0]).toMatchObject({ actor_email: 'kari@example.no', request_id: null })
    expect(JSON.stringify(events)).not.toContain(wrong)
    expect(await eventsOf(db(), account.id)).toEqual([])
  })

  it('limits one client to 20 sign-in attempts in 15 minutes, whatever the account', async () => {
    const counts = []
    for (let i = 0; i < 21; i++)
      counts.push(await countSignInAttempt(db(), '203.0.113.7', secret, now))
    expect(counts.filter((count) => count.limited)).toHaveLength(1)
    expect(counts[20]).toMatchObject({ count: 21, limited: true })
    expect(await countSignInAttempt(db(), '203.0.113.8', secret, now)).toMatchObject({
      limited: false,
    })
    expect(await countSignInAttempt(db(), '203.0.113.7', secret, at(15 * minute))).toMatchObject({
      count: 1,
      limited: false,
    })
  })
})

import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { requestStatusPath } from '../../src/config/site-pages.js'
import { applyRetention } from '../../src/requests/retention-job.js'
import { createRequest } from '../../src/store/create-request.js'
import type { Store } from '../../src/store/open-store.js'
import { monthsBefore } from '../../src/store/retention.js'
import {
  createRequestSite,
  emptyRecords,
  openRequestStore,
  type RequestSite,
  requestDatabase,
  requestsOnConfig,
} from '../helpers/request-site.js'
import { newRequest } from '../helpers/request-texts.js'
import { readSiteConfig } from '../helpers/site-config.js'
import { storeKinds } from '../helpers/store-under-test.js'

const configuredMonths = 6
const { retentionMonths } = readSiteConfig(requestsOnConfig(configuredMonths)).privacyRequests
const dayMs = 86_400_000
const now = new Date('2026-03-15T12:00:00.000Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs)

describe.each(storeKinds())('what the retention deletes, on %s', (kind) => {
  let database: Awaited<ReturnType<typeof requestDatabase>>
  let store: Store
  let site: RequestSite
  beforeAll(async () => {
    database = await requestDatabase(kind)
    store = await openRequestStore(database)
  }, 60_000)
  afterAll(async () => {
    await store?.close()
    await database?.stop()
  })
  beforeEach(async () => {
    await emptyRecords(store)
    site = await createRequestSite(database, { retentionMonths: configuredMonths })
    // The desk applies the retention itself once it opens, by the real clock: let that run end
    // before the test puts in the requests it deletes by its own clock.
    await site.records()
    await vi.waitFor(() =>
      expect(site.logger.lines.map((line) => line.message)).toContain('retention applied'),
    )
  })
  afterEach(async () => {
    await site?.close()
  })

  /** A request received at a time, confirmed and closed at others if given, with a message. */
  async function kept(receivedAt: Date, closedAt?: Date, confirmed = true) {
    const records = await site.records()
    const created = await createRequest(records.store.db, newRequest('nb'), {
      now: receivedAt,
      sealingKey: records.sealingKey,
    })
    const { id } = await store.db
      .selectFrom('privacy_requests')
      .select('id')
      .where('reference', '=', created.reference)
      .executeTakeFirstOrThrow()
    if (confirmed) {
      await store.db
        .updateTable('privacy_requests')
        .set({
          status: closedAt ? 'completed' : 'in_progress',
          confirmed_at: receivedAt.toISOString(),
          confirm_token_hash: null,
          confirm_expires_at: null,
          closed_at: closedAt?.toISOString() ?? null,
        })
        .where('id', '=', id)
        .execute()
      await store.db
        .insertInto('request_messages')
        .values({
          id: randomUUID(),
          request_id: id,
          author: 'staff',
          body: 'Her er opplysningene vi har om deg.',
          sent_at: (closedAt ?? receivedAt).toISOString(),
        })
        .execute()
    }
    return { id, statusPath: requestStatusPath('nb', created.statusToken) }
  }

  const rowsOf = async (id: string) => ({
    request: (
      await store.db.selectFrom('privacy_requests').select('id').where('id', '=', id).execute()
    ).length,
    messages: (
      await store.db
        .selectFrom('request_messages')
        .select('id')
        .where('request_id', '=', id)
        .execute()
    ).length,
    mails: (
      await store.db.selectFrom('mail_outbox').select('id').where('request_id', '=', id).execute()
    ).length,
  })

  it(`deletes requests closed more than the configured ${configuredMonths} months ago, with their messages and mails`, async () => {
    const boundary = monthsBefore(now, retentionMonths)
    const longClosed = await kept(daysAgo(400), new Date(boundary.getTime() - dayMs))
    const justClosedLongAgo = await kept(daysAgo(400), new Date(boundary.getTime() - 1000))
    const closedInside = await kept(daysAgo(400), new Date(boundary.getTime() + dayMs))
    const recentlyClosed = await kept(daysAgo(40), daysAgo(10))
    const openForYears = await kept(daysAgo(1000))
    const unconfirmedOld = await kept(daysAgo(8), undefined, false)
    const unconfirmedNew = await kept(daysAgo(6), undefined, false)
    const records = await site.records()

    const run = await applyRetention(records, retentionMonths, now)
    expect(run).toMatchObject({ closed: 2, unconfirmed: 1 })

    for (const gone of [longClosed, justClosedLongAgo, unconfirmedOld]) {
      expect(await rowsOf(gone.id)).toEqual({ request: 0, messages: 0, mails: 0 })
      await request(site.app).get(gone.statusPath).expect(404)
    }
    for (const staying of [closedInside, recentlyClosed, openForYears]) {
      expect(await rowsOf(staying.id)).toEqual({ request: 1, messages: 1, mails: 1 })
      await request(site.app).get(staying.statusPath).expect(200)
    }
    expect(await rowsOf(unconfirmedNew.id)).toEqual({ request: 1, messages: 0, mails: 1 })

    // Run again, nothing more goes.
    expect(await applyRetention(records, retentionMonths, now)).toMatchObject({
      closed: 0,
      unconfirmed: 0,
    })
  })

  it('deletes the limit counts of past windows only', async () => {
    await store.db
      .insertInto('request_limits')
      .values([
        { key: 'client:old', window_start: daysAgo(2).toISOString(), count: 3 },
        { key: 'client:now', window_start: now.toISOString(), count: 3 },
      ])
      .execute()
    const run = await applyRetention(await site.records(), retentionMonths, now)
    expect(run.limits).toBe(1)
    const keys = await store.db.selectFrom('request_limits').select('key').execute()
    expect(keys.map((row) => row.key)).toEqual(['client:now'])
  })
})

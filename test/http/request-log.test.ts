import request from 'supertest'
import { describe, expect, it } from 'vitest'
import { createTestSite } from '../helpers/test-site.js'

describe('the request log', () => {
  it('has one line per request with id, method, path, status and duration, and nothing personal', async () => {
    const site = await createTestSite()
    await request(site.app)
      .get('/nb/?email=someone@example.no')
      .set('User-Agent', 'Secret Browser 1.0')
      .set('Cookie', 'consent=private-value')
      .set('X-Forwarded-For', '203.0.113.9')
      .expect(200)
    await request(site.app).get('/nb/missing?name=Kari').expect(404)
    const lines = site.logger.lines.filter((line) => line.message === 'request')
    expect(lines.map((line) => [line.fields.method, line.fields.path, line.fields.status])).toEqual(
      [
        ['GET', '/nb/', 200],
        ['GET', '/nb/missing', 404],
      ],
    )
    for (const line of lines) {
      expect(Object.keys(line.fields).sort()).toEqual(['id', 'method', 'ms', 'path', 'status'])
      expect(typeof line.fields.ms).toBe('number')
    }
    expect(lines[0]?.fields.id).not.toBe(lines[1]?.fields.id)
    const logged = JSON.stringify(site.logger.lines)
    for (const secret of [
      'someone@example.no',
      'Kari',
      'Secret Browser',
      'private-value',
      '203.0.113.9',
      '127.0.0.1',
    ]) {
      expect(logged).not.toContain(secret)
    }
  })
})

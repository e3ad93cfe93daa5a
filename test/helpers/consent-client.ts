import request from 'supertest'
import type { TestSite } from './test-site.js'
import { testBaseUrl } from './test-site.js'

/** A POST of the cookie form as a browser on this site sends it. */
export function postChoice(site: TestSite, form: string, lng = 'nb') {
  return request(site.app)
    .post(`/${lng}/cookies`)
    .set('Origin', testBaseUrl)
    .type('form')
    .send(form)
}

/** The `name=value` part of a Set-Cookie header, as the browser sends it back. */
export function cookieFrom(setCookie: string[] | string | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie[0] : setCookie
  return (header ?? '').split(';')[0] ?? ''
}

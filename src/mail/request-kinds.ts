import { type RequestKind, requestKinds } from '../store/request-kinds.js'

/**
 * The kinds of privacy request a visitor can send, as the store keeps them; each has its words
 * in `locales/{lng}/mail.json` under `kinds`.
 */
export { type RequestKind, requestKinds }

export function isRequestKind(value: unknown): value is RequestKind {
  return typeof value === 'string' && (requestKinds as readonly string[]).includes(value)
}

import type { Kysely } from 'kysely'
import { requestConfirmPath, requestStatusPath } from '../config/site-pages.js'
import { todayIn } from '../content/dates.js'
import type { MailInput } from '../mail/compose-mail.js'
import { receivedMailTemplate } from '../store/confirm-request.js'
import { confirmMailTemplate } from '../store/create-request.js'
import { siteTimeZone } from '../store/due-date.js'
import type { OutboxMail } from '../store/mail-outbox.js'
import type { RequestKind } from '../store/request-kinds.js'
import type { StoreDatabase } from '../store/schema.js'
import { unseal } from '../store/sealed-payload.js'

interface Payload {
  readonly reference: string
  readonly secrets: string
  readonly dueAt?: string
}

function payloadOf(mail: OutboxMail): Payload {
  const payload = mail.payload as Partial<Payload> | null
  if (typeof payload?.reference !== 'string' || typeof payload.secrets !== 'string') {
    throw new Error(`the queued mail ${mail.id} has no reference or secrets`)
  }
  return payload as Payload
}

/**
 * What a queued mail says, made from its row, its request and its sealed secrets: the link's
 * token exists only here, on its way into the email. Undefined when its request is gone.
 */
export async function mailInputOf(
  db: Kysely<StoreDatabase>,
  mail: OutboxMail,
  options: { readonly origin: string; readonly lng: string; readonly sealingKey: Buffer },
): Promise<MailInput | undefined> {
  if (!mail.requestId) return undefined
  const request = await db
    .selectFrom('privacy_requests')
    .select(['name', 'kind'])
    .where('id', '=', mail.requestId)
    .executeTakeFirst()
  if (!request) return undefined
  const payload = payloadOf(mail)
  const secrets = JSON.parse(unseal(payload.secrets, options.sealingKey)) as Record<string, string>
  const base = { name: request.name, reference: payload.reference }
  const { origin, lng } = options
  if (mail.template === confirmMailTemplate) {
    return {
      ...base,
      template: 'confirm',
      kind: request.kind as RequestKind,
      confirmUrl: `${origin}${requestConfirmPath(lng, secrets.confirmToken ?? '')}`,
    }
  }
  if (mail.template === receivedMailTemplate) {
    return {
      ...base,
      template: 'received',
      answerBy: todayIn(siteTimeZone, new Date(payload.dueAt ?? '')),
      statusUrl: `${origin}${requestStatusPath(lng, secrets.statusToken ?? '')}`,
    }
  }
  throw new Error(`the queued mail ${mail.id} has an unknown template "${mail.template}"`)
}

import { formatPolicyDate, todayIn } from '../content/dates.js'
import type { Translate } from '../content/locales.js'
import { siteTimeZone } from '../store/due-date.js'
import type { RequestStatusView } from '../store/request-status.js'

/** A moment as the visitor reads it: the day in Oslo, in the page's language. */
function day(iso: string, lng: string) {
  const date = todayIn(siteTimeZone, new Date(iso))
  return { datetime: date, text: formatPolicyDate(date, lng) }
}

/** What the status page shows of a request: its facts in words, and the messages in paragraphs. */
export function requestStatusView(
  t: Translate,
  lng: string,
  request: RequestStatusView,
  justConfirmed: boolean,
) {
  return {
    reference: request.reference,
    justConfirmed,
    kind: t(`request:kinds.${request.kind}.label`),
    status: t(`request:status.statuses.${request.status}`),
    received: day(request.receivedAt, lng),
    due: day(request.dueAt, lng),
    messages: request.messages.map((message) => ({
      author: t(
        message.author === 'staff'
          ? 'request:status.messages.fromStaff'
          : 'request:status.messages.fromVisitor',
      ),
      sent: day(message.sentAt, lng),
      paragraphs: message.body.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== ''),
    })),
  }
}

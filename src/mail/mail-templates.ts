/** The emails to visitors, each a subject and its parts in order, all texts from `mail.json`. */

export type MailTemplateName = 'confirm' | 'received' | 'reply'

/** One part of an email: a paragraph in the plain text, a block in the HTML. */
export type MailPart =
  /** "Hei, {{name}}!", or the greeting without a name when the visitor gave none. */
  | { readonly part: 'greeting' }
  /** Texts of the locale file, one line each, in one paragraph. */
  | { readonly part: 'lines'; readonly keys: readonly string[] }
  /** The email's one link (to confirm, or to the status page): the address in the plain text, a link in the HTML. */
  | { readonly part: 'link'; readonly key: string }
  /** The staff member's message, as they wrote it. */
  | { readonly part: 'message' }
  /** The closing and the sender's name. */
  | { readonly part: 'closing' }

export interface MailTemplate {
  readonly subject: string
  readonly parts: readonly MailPart[]
}

const lines = (...keys: string[]): MailPart => ({ part: 'lines', keys })

export const mailTemplates: Readonly<Record<MailTemplateName, MailTemplate>> = {
  confirm: {
    subject: 'mail:confirm.subject',
    parts: [
      { part: 'greeting' },
      lines('mail:confirm.intro'),
      lines('mail:summary.reference', 'mail:summary.kind'),
      lines('mail:confirm.action'),
      { part: 'link', key: 'mail:confirm.link' },
      lines('mail:confirm.validity'),
      lines('mail:confirm.notYou'),
      { part: 'closing' },
    ],
  },
  received: {
    subject: 'mail:received.subject',
    parts: [
      { part: 'greeting' },
      lines('mail:received.intro'),
      lines('mail:summary.reference'),
      lines('mail:received.answerBy'),
      lines('mail:received.status'),
      { part: 'link', key: 'mail:received.link' },
      lines('mail:received.personal'),
      lines('mail:keepReference'),
      { part: 'closing' },
    ],
  },
  reply: {
    subject: 'mail:reply.subject',
    parts: [
      { part: 'greeting' },
      lines('mail:reply.intro'),
      { part: 'message' },
      lines('mail:summary.reference', 'mail:keepReference'),
      { part: 'closing' },
    ],
  },
}

import { formatPolicyDate, isPolicyDate } from '../content/dates.js'
import { escapeHtml, type Html } from '../content/html.js'
import type { Translate } from '../content/locales.js'
import { bodyText, headerText } from './header-text.js'
import { mailDocument } from './mail-document.js'
import { type MailPart, mailTemplates } from './mail-templates.js'
import { fillHtml, fillText, type PlaceholderValues, textAsHtml } from './placeholders.js'
import { maxNameLength } from './recipient.js'
import type { RequestKind } from './request-kinds.js'
import { siteLink } from './site-link.js'

/** How long a confirmation link works; the token's expiry (with the form) must say the same. */
export const confirmationValidHours = 24

/** The site the emails come from. */
export interface MailSite {
  /** The site's origin (BASE_URL): an email links to no other address. */
  readonly origin: string
  /** Who signs the emails, such as the company's name. */
  readonly sender: string
}

interface AnyMail {
  /** The visitor's name as they gave it; may be empty. */
  readonly name: string
  /** The request's reference, as the visitor will quote it. */
  readonly reference: string
}

/** What each email needs besides its texts. */
export type MailInput =
  | (AnyMail & {
      readonly template: 'confirm'
      readonly kind: RequestKind
      /** The single-use link that confirms the address, on the site itself. */
      readonly confirmUrl: string
    })
  | (AnyMail & {
      readonly template: 'received'
      /** The day by which we answer, `2027-01-03`. */
      readonly answerBy: string
      /** The visitor's status page, on the site itself. */
      readonly statusUrl: string
    })
  | (AnyMail & { readonly template: 'reply'; readonly message: string })

/** An email ready to send: its subject, plain text and the same as simple HTML. */
export interface ComposedMail {
  readonly subject: string
  readonly text: string
  readonly html: string
}

function valuesOf(t: Translate, lng: string, input: MailInput): PlaceholderValues {
  const reference = headerText(input.reference, 64)
  if (reference === '') throw new Error('an email needs the request reference')
  const values: Record<string, string> = {
    name: headerText(input.name, maxNameLength),
    reference,
    hours: String(confirmationValidHours),
  }
  if (input.template === 'confirm') values.kind = t(`mail:kinds.${input.kind}`)
  if (input.template === 'received') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.answerBy) || !isPolicyDate(input.answerBy)) {
      throw new Error(`the answer date "${input.answerBy}" must be a day such as 2027-01-03`)
    }
    values.date = formatPolicyDate(input.answerBy, lng)
  }
  return values
}

/** Each part as a paragraph of the plain text and as a block of the HTML. */
function renderPart(
  part: MailPart,
  input: MailInput,
  site: MailSite,
  raw: (key: string) => string,
  values: PlaceholderValues,
): { text: string; html: Html } {
  const both = (keys: readonly string[]) => ({
    text: keys.map((key) => fillText(raw(key), values)).join('\n'),
    html: `<p>${keys.map((key) => fillHtml(raw(key), values)).join('<br>\n')}</p>` as Html,
  })
  switch (part.part) {
    case 'greeting':
      return both([values.name ? 'mail:greeting' : 'mail:greetingWithoutName'])
    case 'lines':
      return both(part.keys)
    case 'link': {
      const target =
        input.template === 'confirm'
          ? input.confirmUrl
          : input.template === 'received'
            ? input.statusUrl
            : ''
      const url = siteLink(target, site.origin)
      const words = fillHtml(raw(part.key), values)
      return { text: url, html: `<p><a href="${escapeHtml(url)}">${words}</a></p>` as Html }
    }
    case 'message': {
      const message = input.template === 'reply' ? bodyText(input.message) : ''
      if (message === '') throw new Error('a reply needs the message from staff')
      const paragraphs = message.split('\n\n').map((paragraph) => `<p>${textAsHtml(paragraph)}</p>`)
      return { text: message, html: paragraphs.join('\n') as Html }
    }
    case 'closing': {
      const closing = fillText(raw('mail:closing'), values)
      const sender = headerText(site.sender, 200)
      return {
        text: `${closing}\n${sender}`,
        html: `<p>${textAsHtml(closing)}<br>\n${textAsHtml(sender)}</p>` as Html,
      }
    }
  }
}

/**
 * One email in the visitor's language (`t` is that language's translator), as plain text and as
 * simple HTML. Everything from the visitor, staff and the locale files is escaped in the HTML;
 * the only link (to confirm, or to the status page) leads to the site itself.
 */
export function composeMail(t: Translate, site: MailSite, input: MailInput): ComposedMail {
  const template = mailTemplates[input.template]
  const lng = t('common:language.tag')
  const values = valuesOf(t, lng, input)
  const raw = (key: string) => t(key, { skipInterpolation: true })
  const parts = template.parts.map((part) => renderPart(part, input, site, raw, values))
  const subject = headerText(fillText(raw(template.subject), values), 250)
  return {
    subject,
    text: `${parts.map((part) => part.text).join('\n\n')}\n`,
    html: mailDocument(
      lng,
      subject,
      parts.map((part) => part.html),
    ),
  }
}

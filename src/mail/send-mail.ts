import type { ComposedMail } from './compose-mail.js'
import { headerText } from './header-text.js'
import { MailNotSent, mailNotSentFrom } from './mail-not-sent.js'
import type { Mailer } from './mailer.js'
import { recipientFrom } from './recipient.js'

/** One email to one visitor, as the form and the staff area give it. */
export interface OutgoingMail {
  /** The visitor's name and address as they typed them; both are checked here. */
  readonly to: { readonly name: string; readonly address: string }
  readonly mail: ComposedMail
}

/**
 * Sends one email to one visitor. The address must be one valid address and the name and
 * subject are made single-line before nodemailer sees them, so no text from a visitor can add a
 * header or a recipient. Rejects with MailNotSent: `retryable` says whether to try again later.
 */
export async function sendMail(
  mailer: Mailer,
  { to, mail }: OutgoingMail,
): Promise<{ readonly messageId: string }> {
  const recipient = recipientFrom(to.name, to.address)
  if (!recipient) {
    throw new MailNotSent('mail not sent: the recipient is not one valid email address', {
      retryable: false,
      code: 'EADDRESS',
    })
  }
  try {
    const info = await mailer.transporter.sendMail({
      from: mailer.from,
      to: recipient.name ? { name: recipient.name, address: recipient.address } : recipient.address,
      subject: headerText(mail.subject, 250),
      text: mail.text,
      html: mail.html,
      // The envelope too is ours alone: one recipient, whatever the headers say.
      envelope: { from: mailer.from, to: [recipient.address] },
    })
    return { messageId: String(info.messageId) }
  } catch (error) {
    throw mailNotSentFrom(error)
  }
}

import type { PostalAddress, SiteConfig } from '../config/site-config.js'

/** The company's contact details as the pages show them, with the link targets they need. */
export interface ContactDetails {
  readonly address: string
  readonly postalAddress: PostalAddress
  readonly phone: string
  readonly phoneHref: string
  /** Empty when the configuration has no email address (allowed outside production only). */
  readonly email: string
  readonly emailHref: string
  readonly authority: { readonly name: string; readonly url: string }
}

export function buildContactDetails(site: SiteConfig): ContactDetails {
  const { address, phone, email } = site.contact
  return {
    address,
    postalAddress: site.contact.postalAddress,
    phone,
    phoneHref: `tel:${phone.replace(/[^\d+]/g, '')}`,
    email,
    emailHref: email === '' ? '' : `mailto:${email}`,
    authority: site.authority,
  }
}

import {
  type Controller,
  isPlaceholderName,
  type PostalAddress,
  type SiteConfig,
} from '../config/site-config.js'

/** The company's contact details as the pages show them, with the link targets they need. */
export interface ContactDetails {
  /** The company responsible for the data; none while the configuration has a placeholder. */
  readonly controller?: Controller
  readonly address: string
  readonly addressIn: Readonly<Record<string, string>>
  readonly postalAddress: PostalAddress
  readonly phone: string
  readonly phoneHref: string
  /** Empty when the configuration has no email address (allowed outside production only). */
  readonly email: string
  readonly emailHref: string
  readonly authority: SiteConfig['authority']
}

/** The details as a page in one language shows them. */
export interface ContactDetailsIn extends ContactDetails {
  /** The address in the page's language where the company gives one. */
  readonly localAddress: string
  /** How to complain: the authority's page in the reader's language, else in English or the first. */
  readonly complaint: { readonly url: string; readonly lang: string }
}

export function buildContactDetails(site: SiteConfig): ContactDetails {
  const { address, addressIn, phone, email } = site.contact
  const controller = site.controller
  return {
    ...(controller && !isPlaceholderName(controller.name) ? { controller } : {}),
    address,
    addressIn,
    postalAddress: site.contact.postalAddress,
    phone,
    phoneHref: `tel:${phone.replace(/[^\d+]/g, '')}`,
    email,
    emailHref: email === '' ? '' : `mailto:${email}`,
    authority: site.authority,
  }
}

export function contactDetailsIn(details: ContactDetails, lng: string): ContactDetailsIn {
  const pages = details.authority.complaintPages
  const lang = [lng, 'en', ...Object.keys(pages)].find((candidate) => pages[candidate])
  return {
    ...details,
    localAddress: details.addressIn[lng] ?? details.address,
    complaint: lang
      ? { url: pages[lang] ?? details.authority.url, lang }
      : { url: details.authority.url, lang: 'nb' },
  }
}

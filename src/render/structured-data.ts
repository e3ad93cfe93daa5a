import type { ContactDetails } from '../content/contact-details.js'
import type { Html } from '../content/html.js'

export interface StructuredDataInput {
  readonly url: string
  readonly name: string
  readonly description: string
  readonly inLanguage: string
  readonly dateModified: string
  readonly siteUrl: string
  readonly siteName: string
  readonly contact: ContactDetails
  readonly availableLanguages: readonly string[]
}

/** JSON that is safe inside `<script type="application/ld+json">`: no `<`, `>` or `&` can end it. */
export function scriptSafeJson(value: unknown): Html {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029') as Html
}

/** schema.org WebPage, part of the WebSite, and the Organization with its address and contact point. */
export function structuredData(input: StructuredDataInput): Html {
  const { controller } = input.contact
  const organisation = {
    '@type': 'Organization',
    '@id': `${input.siteUrl}/#organization`,
    ...(controller
      ? {
          name: controller.name,
          legalName: controller.name,
          ...(controller.organisationNumber ? { identifier: controller.organisationNumber } : {}),
        }
      : {}),
    url: `${input.siteUrl}/`,
    address: { '@type': 'PostalAddress', ...input.contact.postalAddress },
    contactPoint: {
      '@type': 'ContactPoint',
      contactType: 'customer support',
      telephone: input.contact.phone,
      ...(input.contact.email ? { email: input.contact.email } : {}),
      availableLanguage: input.availableLanguages,
    },
  }
  return scriptSafeJson({
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'WebPage',
        '@id': input.url,
        url: input.url,
        name: input.name,
        description: input.description,
        inLanguage: input.inLanguage,
        dateModified: input.dateModified,
        isPartOf: {
          '@type': 'WebSite',
          '@id': `${input.siteUrl}/#website`,
          url: `${input.siteUrl}/`,
          name: input.siteName,
        },
        publisher: { '@id': organisation['@id'] },
      },
      organisation,
    ],
  })
}

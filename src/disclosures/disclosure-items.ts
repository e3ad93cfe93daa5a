/**
 * What GDPR Articles 13 and 14 require a privacy notice to tell, item by item: the ids staff
 * write in `locales/disclosures.json`, the article, and what the item asks in plain words.
 */
export interface DisclosureItem {
  readonly id: string
  readonly article: string
  readonly title: string
  readonly asks: string
}

export const disclosureItems: readonly DisclosureItem[] = [
  {
    id: 'controller-identity',
    article: '13(1)(a)',
    title: "The controller's identity",
    asks: 'the name of the company responsible for the data, as registered',
  },
  {
    id: 'controller-contact',
    article: '13(1)(a)',
    title: "The controller's contact details",
    asks: 'how to reach that company: address, email or phone',
  },
  {
    id: 'dpo-contact',
    article: '13(1)(b)',
    title: 'Data protection officer',
    asks: "the data protection officer's contact details, where the company has one",
  },
  {
    id: 'purposes',
    article: '13(1)(c)',
    title: 'Purposes',
    asks: 'what the data is used for',
  },
  {
    id: 'legal-basis',
    article: '13(1)(c)',
    title: 'Legal basis for each purpose',
    asks: 'which of the grounds of Art. 6 (consent, contract, legal obligation, legitimate interests…) allows each purpose',
  },
  {
    id: 'legitimate-interests',
    article: '13(1)(d)',
    title: 'Legitimate interests',
    asks: 'where the basis is legitimate interests: whose interests, and which',
  },
  {
    id: 'recipients',
    article: '13(1)(e)',
    title: 'Recipients',
    asks: 'who receives the data, or which kinds of recipients',
  },
  {
    id: 'transfers',
    article: '13(1)(f)',
    title: 'Transfers to other countries',
    asks: 'whether data goes to countries outside the EEA, and to which',
  },
  {
    id: 'transfer-safeguards',
    article: '13(1)(f), 46',
    title: 'Safeguards for those transfers',
    asks: 'the safeguard for each transfer (an adequacy decision, standard contractual clauses…) and how to get a copy',
  },
  {
    id: 'retention',
    article: '13(2)(a)',
    title: 'How long data is kept',
    asks: 'the period, or how it is decided',
  },
  {
    id: 'access',
    article: '13(2)(b), 15',
    title: 'Right of access',
    asks: 'that the reader may see the data held about them',
  },
  {
    id: 'rectification',
    article: '13(2)(b), 16',
    title: 'Right to rectification',
    asks: 'that the reader may have wrong data corrected',
  },
  {
    id: 'erasure',
    article: '13(2)(b), 17',
    title: 'Right to erasure',
    asks: 'that the reader may have data deleted',
  },
  {
    id: 'restriction',
    article: '13(2)(b), 18',
    title: 'Right to restriction',
    asks: 'that the reader may have the use of data limited',
  },
  {
    id: 'objection',
    article: '13(2)(b), 21',
    title: 'Right to object',
    asks: 'that the reader may object, always to direct marketing',
  },
  {
    id: 'portability',
    article: '13(2)(b), 20',
    title: 'Right to data portability',
    asks: 'that the reader may take their data to another provider',
  },
  {
    id: 'withdraw-consent',
    article: '13(2)(c)',
    title: 'Withdrawing consent',
    asks: 'that consent may be withdrawn at any time, where processing rests on it',
  },
  {
    id: 'complaint',
    article: '13(2)(d)',
    title: 'Complaint to the authority',
    asks: 'that the reader may complain to a data protection authority (Datatilsynet)',
  },
  {
    id: 'requirement',
    article: '13(2)(e)',
    title: 'Statutory or contractual requirement',
    asks: 'whether giving the data is required by law or a contract, and what happens if the reader does not',
  },
  {
    id: 'automated-decisions',
    article: '13(2)(f), 22',
    title: 'Automated decisions and profiling',
    asks: 'whether decisions are made by machine alone, with the logic and what it means for the reader (or that there are none)',
  },
  {
    id: 'categories',
    article: '14(1)(d)',
    title: 'Categories of data',
    asks: 'which kinds of data are collected, where some do not come from the reader',
  },
  {
    id: 'source',
    article: '14(2)(f)',
    title: 'Where the data comes from',
    asks: 'the sources of data not given by the reader',
  },
]

export const disclosureItemIds: ReadonlySet<string> = new Set(
  disclosureItems.map((item) => item.id),
)

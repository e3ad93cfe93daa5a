export function buildContactDetails(site) {
    const { address, phone, email } = site.contact;
    return {
        address,
        postalAddress: site.contact.postalAddress,
        phone,
        phoneHref: `tel:${phone.replace(/[^\d+]/g, '')}`,
        email,
        emailHref: email === '' ? '' : `mailto:${email}`,
        authority: site.authority,
    };
}
//# sourceMappingURL=contact-details.js.map
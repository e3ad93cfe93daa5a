import { siteConfigWith } from './site-config.js'

/**
 * The test content with a cookie of this site and one of another company, of two categories,
 * in every language: the cookie page shows a table of each and the banner and form appear.
 */
export function siteWithCookiesOfTwoSites(): string {
  return siteConfigWith((json) => {
    json.cookieInventory = [
      {
        name: '_shop_session',
        provider: 'Selskapet selv',
        purpose: {
          nb: 'Husker handlekurven mens du handler.',
          en: 'Remembers the basket while you shop.',
          zh: '在您购物时记住购物车。',
        },
        category: 'necessary',
        duration: 'session',
        site: 'this',
      },
      {
        name: '_ga',
        provider: 'Google Ireland Limited',
        purpose: {
          nb: 'Skiller besøkende fra hverandre i besøksstatistikken.',
          en: 'Tells visitors apart in the visitor statistics.',
          zh: '在访问统计中区分不同的访问者。',
        },
        category: 'analytics',
        duration: 'P2Y',
        site: 'other',
      },
    ]
  })
}

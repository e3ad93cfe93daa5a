import { describe, expect, it } from 'vitest'
import { checkContent } from '../../src/check/check-content.js'
import { ConfigError } from '../../src/config/config-error.js'
import { loadConfig } from '../../src/config/environment.js'
import { displayPath } from '../../src/config/paths.js'
import { fieldName, parseSiteConfig } from '../../src/config/site-config.js'
import { fixtureLocalesDir, fixtureSiteConfig } from '../helpers/fixture-content.js'
import { readSiteConfig } from '../helpers/site-config.js'
import { fixture } from '../helpers/test-site.js'

/** The checker's findings about a site configuration (with the test content's locale files). */
const checkSite = (env: NodeJS.ProcessEnv, siteConfigPath: string) => {
  const { findings } = checkContent({ localesDir: fixtureLocalesDir, siteConfigPath, env })
  const own = findings.filter((finding) => finding.file === displayPath(siteConfigPath))
  return {
    errors: own.filter((finding) => finding.level === 'error'),
    warnings: own.filter((finding) => finding.level === 'warning'),
  }
}

describe('environment', () => {
  it('has working defaults: port 3000, development, localhost base URL', () => {
    const { config } = loadConfig({})
    expect(config.port).toBe(3000)
    expect(config.env).toBe('development')
    expect(config.baseUrl).toBe('http://localhost:3000')
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('takes PORT, HOST, NODE_ENV and BASE_URL (without trailing slash)', () => {
    const { config } = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      BASE_URL: 'https://personvern.example.no/',
      COOKIE_SECRET: 'a-production-secret-of-32-characters-or-more',
      TRUST_PROXY_HOPS: '1',
      MAX_CONNECTIONS: '500',
    })
    expect(config).toMatchObject({
      trustProxyHops: 1,
      maxConnections: 500,
      port: 8080,
      host: '127.0.0.1',
      env: 'production',
      baseUrl: 'https://personvern.example.no',
    })
  })

  it.each([
    [{ PORT: 'abc' }, 'PORT "abc" must be a whole number from 1 to 65535'],
    [{ PORT: '70000' }, 'PORT "70000"'],
    [{ PORT: '80.5' }, 'PORT "80.5"'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV "staging"'],
    [
      { BASE_URL: 'personvern.example.no' },
      'BASE_URL "personvern.example.no" must be an absolute URL',
    ],
    [{ BASE_URL: 'ftp://example.no' }, 'must start with https:// or http://'],
    [{ BASE_URL: 'https://example.no/?x=1' }, "must be the site's origin only"],
    [
      { NODE_ENV: 'production', BASE_URL: 'https://a.example' },
      'COOKIE_SECRET is required in production',
    ],
    [
      { NODE_ENV: 'production', COOKIE_SECRET: 'x'.repeat(32) },
      'BASE_URL is required in production',
    ],
    [{ BASE_URL: 'https://personvern.example.no/personvern' }, "must be the site's origin only"],
    [{ COOKIE_SECRET: 'short' }, 'COOKIE_SECRET must be at least 32 characters long'],
    [{ TRUST_PROXY_HOPS: 'true' }, 'TRUST_PROXY_HOPS "true" must be the number of proxies'],
    [{ MAX_CONNECTIONS: '0' }, 'MAX_CONNECTIONS "0" must be the number of connections'],
    [{ MAX_CONNECTIONS: 'lots' }, 'MAX_CONNECTIONS "lots" must be the number of connections'],
  ])('%o stops with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('warns about the placeholder email address on example.com', () => {
    const warnings = checkSite({}, fixtureSiteConfig).warnings.map((finding) => finding.message)
    expect(warnings.join('\n')).toContain('"personvern@example.com"')
    expect(warnings.join('\n')).toContain('placeholder')
  })

  it('reads another site configuration named by SITE_CONFIG', () => {
    const { config } = loadConfig({ SITE_CONFIG: fixture('site-cookie-inventory.json') })
    expect(config.siteConfigPath).toBe(fixture('site-cookie-inventory.json'))
    const site = readSiteConfig(config.siteConfigPath)
    expect(site.contact.email).toBe('personvern@firma.example')
    expect(site.cookieInventory).toHaveLength(3)
  })
})

describe('site configuration', () => {
  const valid = {
    languages: ['nb'],
    contact: {
      email: 'dpo@firma.no',
      phone: '+47 22 00 00 00',
      address: 'Storgata 1, 0155 Oslo',
      postalAddress: {
        streetAddress: 'Storgata 1',
        postalCode: '0155',
        addressLocality: 'Oslo',
        addressCountry: 'NO',
      },
    },
    authority: { name: 'Datatilsynet', url: 'https://www.datatilsynet.no/' },
    cookieInventory: [
      {
        name: 'a',
        provider: 'b',
        purpose: { nb: 'c' },
        category: 'necessary',
        duration: 'P30D',
        site: 'this',
      },
    ],
  }
  type SiteJson = typeof valid
  const withChange = (change: (copy: SiteJson) => void) => {
    const copy = structuredClone(valid)
    change(copy)
    return copy
  }

  it('accepts a valid file', () => {
    const { config, problems } = parseSiteConfig(valid)
    expect(problems).toEqual([])
    expect(config?.contact.email).toBe('dpo@firma.no')
  })

  it('requires the contact email in production', () => {
    const production = {
      NODE_ENV: 'production',
      COOKIE_SECRET: 'x'.repeat(32),
      BASE_URL: 'https://personvern.example.no',
    }
    const withoutEmail = fixture('site-without-email.json')
    expect(checkSite(production, withoutEmail).errors.map((finding) => finding.message)).toEqual([
      'contact.email is required in production',
    ])
    const { warnings } = checkSite({}, withoutEmail)
    expect(warnings.map((finding) => finding.message).join()).toContain('contact.email is empty')
  })

  it.each([
    [
      'an email that is not one',
      (c: SiteJson) => {
        c.contact.email = 'dpo(at)firma.no'
      },
      'contact.email "dpo(at)firma.no" is not an email address',
    ],
    [
      'no phone',
      (c: SiteJson) => {
        delete (c.contact as Partial<SiteJson['contact']>).phone
      },
      'contact.phone is missing',
    ],
    [
      'a language that is not a code',
      (c: SiteJson) => {
        c.languages = ['nb', '../en']
      },
      'languages[1] "../en" is not a language code',
    ],
    [
      'a language list not led by nb',
      (c: SiteJson) => {
        c.languages = ['en']
      },
      'must be "nb", the source language, first',
    ],
    [
      'an unknown cookie category',
      (c: SiteJson) => {
        ;(c.cookieInventory[0] as { category: string }).category = 'tracking'
      },
      'cookieInventory[0].category "tracking" is not one of',
    ],
    [
      'a malformed duration',
      (c: SiteJson) => {
        ;(c.cookieInventory[0] as { duration: string }).duration = '30 days'
      },
      'cookieInventory[0].duration "30 days"',
    ],
    [
      'a purpose missing for a language',
      (c: SiteJson) => {
        ;(c.cookieInventory[0] as { purpose: object }).purpose = {}
      },
      'cookieInventory[0].purpose.nb',
    ],
    [
      'an authority link that is not https',
      (c: SiteJson) => {
        c.authority.url = 'javascript:alert(1)'
      },
      'authority.url must be an https:// address',
    ],
    [
      'a script address that would break the security policy',
      (c: SiteJson) => {
        ;(c.cookieInventory[0] as { category: string }).category = 'analytics'
        ;(c.cookieInventory[0] as unknown as { scripts: string[] }).scripts = [
          'https://a.example/x.js; script-src *',
        ]
      },
      'cookieInventory[0].scripts must be a list of https:// addresses',
    ],
    [
      'a script on a strictly necessary cookie',
      (c: SiteJson) => {
        ;(c.cookieInventory[0] as unknown as { scripts: string[] }).scripts = [
          'https://a.example/x.js',
        ]
      },
      'cookieInventory[0].scripts belong to an optional category',
    ],
  ])('rejects %s', (_name, change, message) => {
    const { config, problems } = parseSiteConfig(withChange(change))
    expect(config).toBeUndefined()
    expect(
      problems.map((problem) => `${fieldName(problem.path)} ${problem.message}`).join('\n'),
    ).toContain(message)
  })

  it('reports every problem at once, each with its place', () => {
    const { problems } = parseSiteConfig(
      withChange((c) => {
        c.contact.email = 'not-an-email'
        ;(c.cookieInventory[0] as { category: string }).category = 'tracking'
      }),
    )
    expect(problems.map((problem) => fieldName(problem.path))).toEqual([
      'contact.email',
      'cookieInventory[0].category',
    ])
  })
})

import type { RequestKit } from '../build/request-kit.js'
import type { ServedSite } from '../build/served-site.js'
import { recordNamespaces } from '../content/content-model.js'
import { localeStore, type Translate, translatorFor } from '../content/locales.js'
import {
  type HeaderList,
  type PreparedResponse,
  prepareHtml,
  quickCompression,
} from '../prepare/prepared-response.js'
import { inFrame } from '../render/record-frame.js'
import { compileTemplates, type Templates } from '../render/templates.js'

/** The request pages rendered per request: never stored by a cache, never indexed. */
const recordCacheControl = 'no-store'

export type RequestTemplate = 'request' | 'request-sent' | 'request-confirm' | 'request-status'

/** The request pages of one build, in each of its languages. */
export interface RequestPages {
  readonly kit: RequestKit
  translator(lng: string): Translate
  /** A page of one template with its data, in the frame of its language, ready to send. */
  page(
    lng: string,
    template: RequestTemplate,
    title: string,
    data: Record<string, unknown>,
    options?: { readonly status?: number; readonly referrer?: 'none' },
  ): Promise<PreparedResponse>
}

const noReferrer = (headers: HeaderList): HeaderList => [
  ...headers.filter(([name]) => name.toLowerCase() !== 'referrer-policy'),
  ['Referrer-Policy', 'no-referrer'],
]

async function requestPagesOf(site: ServedSite, kit: RequestKit): Promise<RequestPages> {
  const languages = [...kit.frames.keys()]
  const i18n = await localeStore(kit.texts, languages, recordNamespaces)
  const templates: Templates = compileTemplates(kit.viewsDir, kit.views)
  const translators = new Map(languages.map((lng) => [lng, translatorFor(i18n, lng)]))
  const translator = (lng: string): Translate => {
    const t = translators.get(lng)
    if (!t) throw new Error(`no language ${lng} on this site`)
    return t
  }
  // The same for every page of the build: worked out once, not per request.
  const unlisted: HeaderList = [...site.securityHeaders, ['X-Robots-Tag', 'noindex']]
  const unreferred = noReferrer(unlisted)
  return {
    kit,
    translator,
    page(lng, template, title, data, options = {}) {
      const frame = kit.frames.get(lng)
      if (!frame) throw new Error(`no language ${lng} on this site`)
      const body = templates.pages[template]({ ...data, t: translator(lng), lng })
      return prepareHtml(inFrame(frame, title, body), {
        status: options.status ?? 200,
        language: frame.tag,
        cacheControl: recordCacheControl,
        securityHeaders: options.referrer === 'none' ? unreferred : unlisted,
        compression: quickCompression,
      })
    },
  }
}

const made = new WeakMap<RequestKit, Promise<RequestPages>>()

/** The request pages of the build in force; undefined when the form is off. Made once per build. */
export function requestPagesFor(site: ServedSite): Promise<RequestPages> | undefined {
  const kit = site.requests
  if (!kit) return undefined
  let pages = made.get(kit)
  if (!pages) {
    pages = requestPagesOf(site, kit)
    made.set(kit, pages)
  }
  return pages
}

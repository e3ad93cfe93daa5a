import type { Content } from '../content/content-model.js'
import type { LocaleResources } from '../content/locales.js'
import type { PageRenderer } from '../render/page-renderer.js'
import { type RecordFrame, recordFrames } from '../render/record-frame.js'

/**
 * What answering privacy requests needs of a build, as plain data that crosses to the serving
 * thread: the frame of each language, the texts, and the templates of the request pages. Only
 * a site with the form turned on has one.
 */
export interface RequestKit {
  readonly retentionMonths: number
  /** Who signs the emails: the company's name, or the site's. */
  readonly sender: string
  readonly frames: ReadonlyMap<string, RecordFrame>
  readonly texts: LocaleResources
  /** Every template text by absolute file name; the request pages are compiled from these. */
  readonly views: ReadonlyMap<string, string>
  readonly viewsDir: string
}

export function requestKitOf(
  content: Content,
  renderer: PageRenderer,
  viewsDir: string,
): RequestKit | undefined {
  const { privacyRequests } = content.site
  if (!privacyRequests.enabled) return undefined
  const source = content.languages[0]
  return {
    retentionMonths: privacyRequests.retentionMonths,
    sender: content.contact.controller?.name ?? source?.t('common:site.name') ?? '',
    frames: recordFrames(content, renderer),
    texts: content.recordTexts,
    views: renderer.views,
    viewsDir,
  }
}

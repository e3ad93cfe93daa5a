import MarkdownIt, { type StateInline } from 'markdown-it'
import { ConfigError } from '../config/config-error.js'
import { escapeHtml, type Html } from './html.js'

/**
 * The links staff may write: a page of this site (`page:contact#part`), an https address, an
 * email address or a phone number. Anything else is shown as text, and the checker names it.
 */
export function isAllowedLinkTarget(target: string): boolean {
  return /^(page:[a-z][\w#-]*|https:\/\/\S+|mailto:[^\s@]+@\S+|tel:\+?[\d\s-]+)$/.test(target)
}

/** Where a `page:` link in the text points, for the language being rendered. */
export type PageLinkResolver = (target: string) => string | undefined

// A small, safe markup: links, emphasis and (in paragraphs) bullet or numbered lists. No raw
// HTML, no images (they would load from third parties), no typographic rewriting: the text must
// stay exactly as staff wrote it.
function createMarkdown(blocks: boolean): InstanceType<typeof MarkdownIt> {
  const markdown = new MarkdownIt('zero', { html: false, linkify: false, typographer: false })
  markdown.enable(['link', 'emphasis', 'escape', 'entity'])
  if (blocks) markdown.enable(['list'])
  markdown.inline.ruler.before('link', 'translator_note', translatorNote)
  markdown.renderer.rules.translator_note_open = (_tokens, _index, _options, env) =>
    `<span class="translator-note"><span class="visually-hidden">${escapeHtml((env as unknown as RenderEnv).notePrefix ?? '')} </span>`
  markdown.renderer.rules.translator_note_close = () => '</span>'
  markdown.validateLink = (url) => isAllowedLinkTarget(url.trim())
  const defaultLinkOpen = markdown.renderer.rules.link_open
  markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
    const token = tokens[index]
    const href = String(token?.attrGet('href') ?? '')
    if (token && href.startsWith('page:')) {
      const { resolvePage, where } = env as unknown as RenderEnv
      const resolved = resolvePage(href.slice('page:'.length))
      if (resolved === undefined) throw new ConfigError(`${where}: link to unknown page "${href}"`)
      token.attrSet('href', resolved)
    }
    return defaultLinkOpen
      ? defaultLinkOpen(tokens, index, options, env, self)
      : self.renderToken(tokens, index, options)
  }
  return markdown
}

interface RenderEnv {
  resolvePage: PageLinkResolver
  where: string
  /** "Translator's note:" in the page's language, read before each note by screen readers. */
  notePrefix?: string
}

/** `[[` opens a translator's note and `]]` closes it: words the translator adds, never the company's. */
export const translatorNoteMarks = { open: '[[', close: ']]' } as const

/** The text of each translator's note in a text, in order. */
export function translatorNotes(text: string): string[] {
  return [...text.matchAll(/\[\[([^\]]*)\]\]/g)].map((match) => (match[1] ?? '').trim())
}

/** The inline rule for `[[note]]`: its words as plain text inside the note's own element. */
function translatorNote(state: StateInline, silent: boolean): boolean {
  const { open, close } = translatorNoteMarks
  if (!state.src.startsWith(open, state.pos)) return false
  const end = state.src.indexOf(close, state.pos + open.length)
  if (end < 0) return false
  const words = state.src.slice(state.pos + open.length, end).trim()
  if (words === '' || words.includes('[')) return false
  if (!silent) {
    state.push('translator_note_open', 'span', 1)
    const text = state.push('text', '', 0)
    text.content = words
    state.push('translator_note_close', 'span', -1)
  }
  state.pos = end + close.length
  return true
}

const inlineMarkdown = createMarkdown(false)
const blockMarkdown = createMarkdown(true)

/** Renders a paragraph of staff-written text: a `<p>`, or a list when its lines start with `- `. */
export function renderParagraph(
  text: string,
  resolvePage: PageLinkResolver,
  where: string,
  notePrefix = '',
): Html {
  const env: RenderEnv = { resolvePage, where, notePrefix }
  return blockMarkdown.render(text, { ...env }).trim() as Html
}

/** Renders a line of staff-written text with its links, for use inside an element of ours. */
export function renderInline(text: string, resolvePage: PageLinkResolver, where: string): Html {
  const env: RenderEnv = { resolvePage, where }
  return inlineMarkdown.renderInline(text, { ...env }) as Html
}

/**
 * The words of a paragraph without its markup, blocks (list items) on lines of their own. An
 * address of another site, an email address or a phone number follows its link's words in
 * brackets, so that a changed address shows when two versions are compared.
 */
export function plainText(text: string): string {
  const lines: string[] = []
  for (const token of blockMarkdown.parse(text, {})) {
    if (token.type !== 'inline') continue
    let words = ''
    let href = ''
    for (const child of token.children ?? []) {
      if (child.type === 'link_open') href = String(child.attrGet('href') ?? '')
      else if (child.type === 'link_close' && !href.startsWith('page:')) words += ` (${href})`
      else if (child.type === 'softbreak' || child.type === 'hardbreak') words += ' '
      else words += child.content
    }
    lines.push(words)
  }
  return lines.join('\n')
}

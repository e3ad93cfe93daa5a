import { describe, expect, it } from 'vitest'
import { pageLinkResolver } from '../../src/config/site-pages.js'
import { renderInline, renderParagraph } from '../../src/content/markup.js'

const render = (text: string) => renderInline(text, pageLinkResolver('nb'), 'test')

describe('text markup', () => {
  it('keeps the text exactly as written, including its slips', () => {
    const text =
      'Merknad:Denne avtalen er gyldig i3 år (for eksempel, 100% sikkert) – 2024til Permanent'
    expect(render(text)).toBe(text)
  })

  it('turns page links into links to the page in the same language', () => {
    expect(render('[kontakt oss](page:contact)')).toBe('<a href="/nb/contact">kontakt oss</a>')
    expect(render('[her](page:contact#datatilsynet)')).toBe(
      '<a href="/nb/contact#datatilsynet">her</a>',
    )
    expect(render('[notice](page:policy)')).toBe('<a href="/nb/">notice</a>')
  })

  it('shows HTML as text: no script, no event attribute', () => {
    expect(render('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(render('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('does not make javascript: or data: links, nor images', () => {
    expect(render('[x](javascript:alert(1))')).not.toContain('<a')
    expect(render('[x](data:text/html,hi)')).not.toContain('<a')
    expect(render('![x](https://tracker.example/pixel.gif)')).not.toContain('<img')
  })

  it('names the place of a link to a page that does not exist', () => {
    expect(() => render('[x](page:nowhere)')).toThrow('test: link to unknown page "page:nowhere"')
  })
})

describe('paragraph markup', () => {
  const paragraph = (text: string) => renderParagraph(text, pageLinkResolver('en'), 'test')

  it('wraps a paragraph in <p>, keeping the text as written', () => {
    expect(paragraph('Generelt sett vil vi bevare din informasjon i3 år.')).toBe(
      '<p>Generelt sett vil vi bevare din informasjon i3 år.</p>',
    )
  })

  it('makes a bullet list from lines that start with "- ", with links inside', () => {
    expect(paragraph('- to provide the service\n- to [answer you](page:contact)')).toBe(
      '<ul>\n<li>to provide the service</li>\n<li>to <a href="/en/contact">answer you</a></li>\n</ul>',
    )
    expect(paragraph('1. first\n2. second')).toContain('<ol>')
  })

  it('keeps HTML as text and javascript: links as text inside lists too', () => {
    const html = paragraph(
      '- <script>alert(1)</script>\n- [x](javascript:alert(1))\n- <b onmouseover=alert(1)>b</b>',
    )
    expect(html).not.toMatch(/<script|<a |<b /)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;b onmouseover=alert(1)&gt;')
  })

  it('makes no headings, code blocks or block quotes', () => {
    expect(paragraph('# not a heading')).toBe('<p># not a heading</p>')
    expect(paragraph('> not a quote')).toBe('<p>&gt; not a quote</p>')
    expect(paragraph('    not code')).toBe('<p>not code</p>')
  })
})

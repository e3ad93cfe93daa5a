import { describe, expect, it } from 'vitest'
import { renderInline } from '../../src/content/markup.js'
import { pageLinkResolver } from '../../src/site-pages.js'

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

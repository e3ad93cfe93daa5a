// What the browser laid out, measured inside the page. Each probe is an expression evaluated by
// page.evaluate, as a string, so that it runs as written.

/** Where an element is, for a message: its tag, id and classes. */
const nameOf = `(element) =>
  element.tagName.toLowerCase() +
  (element.id ? '#' + element.id : '') +
  [...element.classList].map((name) => '.' + name).join('')`

/**
 * Elements that reach outside the screen, left or right. Elements hidden on purpose are left out:
 * those clipped to nothing for screen readers, and the skip link until it is focused.
 */
export const elementsWiderThanScreen = `(() => {
  const nameOf = ${nameOf}
  const hiddenOnPurpose = (element) => {
    for (let at = element; at; at = at.parentElement) {
      const style = getComputedStyle(at)
      if (style.clipPath !== 'none' || at.classList.contains('skip-link')) return true
    }
    return false
  }
  return [...document.body.querySelectorAll('*')]
    .filter((element) => {
      const box = element.getBoundingClientRect()
      return box.width > 0 && (box.right > window.innerWidth + 0.5 || box.left < -0.5)
    })
    .filter((element) => !hiddenOnPurpose(element))
    .map(nameOf)
})()`

/**
 * Words broken across two lines in titles, headings and table cells: each word the language's
 * word segmenter finds (Chinese words too) must lie on one line.
 */
export const wordsBrokenInside = `(() => {
  const words = new Intl.Segmenter(document.documentElement.lang, { granularity: 'word' })
  const broken = []
  for (const element of document.querySelectorAll('h1, h2, th, td')) {
    if (element.getClientRects().length === 0) continue
    const texts = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      for (const word of words.segment(text.data)) {
        if (!word.isWordLike) continue
        const range = document.createRange()
        range.setStart(text, word.index)
        range.setEnd(text, word.index + word.segment.length)
        const lines = new Set(
          [...range.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.top)),
        )
        if (lines.size > 1) broken.push(element.tagName.toLowerCase() + ': ' + word.segment)
      }
    }
  }
  return broken
})()`

/** The header's height, in CSS pixels. */
export const headerHeight = `document.querySelector('body > header').getBoundingClientRect().height`

/** How each row of the cookie tables is laid out: 'table-row' in a table, 'block' as a card. */
export const cookieRowDisplays = `[...document.querySelectorAll('main table tbody tr')].map(
  (row) => getComputedStyle(row).display,
)`

/** The contents list of the notice and the first section: beside each other, or one above the other. */
export const contentsPlace = `(() => {
  const contents = document.querySelector('nav.toc').getBoundingClientRect()
  const text = document.querySelector('.notice-section').getBoundingClientRect()
  return {
    position: getComputedStyle(document.querySelector('nav.toc')).position,
    beside: contents.right <= text.left || contents.left >= text.right,
  }
})()`

/** Where the contents list is on the screen after scrolling to the last section. */
export const contentsAfterScrolling = `(() => {
  const sections = document.querySelectorAll('.notice-section')
  sections[sections.length - 1].scrollIntoView()
  const contents = document.querySelector('nav.toc').getBoundingClientRect()
  return { top: contents.top, bottom: contents.bottom, screen: window.innerHeight }
})()`

/**
 * Characters a line in the notice's paragraphs, the median over the lines of paragraphs of three
 * lines or more (their last lines left out, as they are short).
 */
export const charactersPerLine = `(() => {
  const perLine = []
  for (const paragraph of document.querySelectorAll('.notice-section p')) {
    const range = document.createRange()
    range.selectNodeContents(paragraph)
    const lines = new Set([...range.getClientRects()].map((box) => Math.round(box.top))).size
    if (lines >= 3) perLine.push(paragraph.textContent.length / (lines - 0.5))
  }
  perLine.sort((a, b) => a - b)
  return perLine[Math.floor(perLine.length / 2)]
})()`

/** How light the page's background is, from 0 (black) to 1 (white). */
export const backgroundLightness = `(() => {
  const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number)
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
})()`

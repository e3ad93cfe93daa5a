/** HTML that our own code produced from trusted content; the only kind a template prints raw. */
export type Html = string & { readonly __html: unique symbol }

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(text: string): Html {
  return text.replace(/[&<>"']/g, (char) => htmlEscapes[char] ?? char) as Html
}

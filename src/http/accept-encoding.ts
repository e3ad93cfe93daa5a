import type { Encoding } from '../prepare/prepared-response.js'

/**
 * The best encoding a client accepts, by the server's preference (brotli, then gzip), not by
 * the order in the header. `q=0` refuses an encoding; `*` stands for any not named; identity is
 * acceptable unless refused. No header means identity.
 */
export function chooseEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity'
  const known = recent.get(header)
  if (known !== undefined) return known
  const chosen = parseAndChoose(header)
  // Clients send few distinct headers; remember them, within a bound hostile clients cannot grow.
  if (recent.size >= 256) recent.clear()
  recent.set(header, chosen)
  return chosen
}

const recent = new Map<string, Encoding>()

function parseAndChoose(header: string): Encoding {
  const qualities = new Map<string, number>()
  for (const part of header.split(',', 32)) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';')
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const quality = q === undefined ? 1 : Number(q.slice(2))
    if (name !== '') qualities.set(name, Number.isFinite(quality) ? quality : 0)
  }
  const accepts = (encoding: string) => (qualities.get(encoding) ?? qualities.get('*') ?? 0) > 0
  if (accepts('br')) return 'br'
  if (accepts('gzip')) return 'gzip'
  return 'identity'
}

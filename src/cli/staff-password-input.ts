import { randomBytes } from 'node:crypto'

/**
 * The password for `npm run staff`: the first line of standard input when something is piped
 * in, or, at a terminal, a strong one made here (`generated`: print it, once).
 */
export async function staffPasswordInput(
  stdin: NodeJS.ReadStream,
): Promise<{ password: string; generated: boolean }> {
  if (stdin.isTTY) return { password: randomBytes(18).toString('base64url'), generated: true }
  const chunks: Buffer[] = []
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk))
  const [line = ''] = Buffer.concat(chunks).toString('utf8').split('\n')
  return { password: line.replace(/\r$/, ''), generated: false }
}

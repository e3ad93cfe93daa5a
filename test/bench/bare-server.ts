// Baseline (b): bare node:http answering every request with one recorded response from memory.
// The limit for Node on this machine: no routing, no lookup, no header work.
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

interface Recorded {
  status: number
  headers: [string, string][]
  body: string
}

const recorded = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Recorded
const body = Buffer.from(recorded.body, 'base64')
const headers = recorded.headers.flat()

createServer((_req, res) => {
  res.writeHead(recorded.status, headers)
  res.end(body)
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'))

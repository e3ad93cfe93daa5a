// Saves a file every N ms as editors save it (a new file renamed over the old), with the same
// bytes, until stopped: run beside a load, each save is a full reload of the server.
import { readFileSync, renameSync, writeFileSync } from 'node:fs'

const [file = '', everyMs = '200'] = process.argv.slice(2)
const text = readFileSync(file)
let saves = 0
const timer = setInterval(() => {
  const temporary = `${file}.bench-${saves++}.tmp`
  writeFileSync(temporary, text)
  renameSync(temporary, file)
}, Number(everyMs))
process.once('SIGTERM', () => {
  clearInterval(timer)
  writeFileSync(file, text)
  process.stdout.write(`${saves}\n`)
  process.exit(0)
})

// npm run audit: Lighthouse 12.2.3 (mobile preset) on the shipped notice, the cookie page and the
// contact page in Norwegian and English. Prints the scores; exits 1 unless accessibility, best
// practices and SEO are 100 on every page. Performance is a timing, lower on a busy machine: it
// is reported, never a failure.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { browserAvailable, chromiumPath } from './browser.js'
import { startSite } from './site-server.js'

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const
/** What is deterministic, and so must be 100. */
const asserted = ['accessibility', 'best-practices', 'seo'] as const
const paths = [
  '/nb/',
  '/nb/cookies',
  '/nb/contact',
  '/nb/versions',
  '/en/',
  '/en/cookies',
  '/en/contact',
]
const cli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js')

/** Lighthouse in its own process, started with spawn so that this process keeps serving. */
function lighthouse(url: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        cli,
        url,
        '--output=json',
        '--output-path=stdout',
        '--quiet',
        `--only-categories=${categories.join(',')}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run',
      ],
      { env: { ...process.env, CHROME_PATH: chromiumPath } },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`lighthouse exited ${code}: ${stderr.slice(-2000)}`))
        return
      }
      const report = JSON.parse(stdout) as {
        categories: Record<string, { score: number | null }>
        audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string }>
      }
      const scores = Object.fromEntries(
        categories.map((category) => [
          category,
          Math.round((report.categories[category]?.score ?? 0) * 100),
        ]),
      )
      const failing = Object.entries(report.audits)
        .filter(
          ([, audit]) =>
            audit.score !== null &&
            audit.score < 1 &&
            ['binary', 'numeric'].includes(audit.scoreDisplayMode),
        )
        .map(([id, audit]) => `${id} (${audit.score})`)
      if (failing.length > 0) console.log(`  ${url}: below full marks: ${failing.join(', ')}`)
      resolve(scores)
    })
  })
}

if (!browserAvailable()) process.exit(0)
const site = await startSite({}, { shipped: true })
let allFull = true
const performance: number[] = []
try {
  console.log(`Lighthouse 12.2.3, mobile preset, ${site.origin}\n`)
  console.log(`${'page'.padEnd(14)}${categories.map((category) => category.padStart(16)).join('')}`)
  for (const urlPath of paths) {
    // Lighthouse sometimes fails to record its trace on a busy machine (NO_NAVSTART): one retry.
    const url = `${site.origin}${urlPath}`
    const scores = await lighthouse(url).catch(() => lighthouse(url))
    allFull &&= asserted.every((category) => scores[category] === 100)
    performance.push(scores.performance ?? 0)
    console.log(
      `${urlPath.padEnd(14)}${categories.map((category) => String(scores[category]).padStart(16)).join('')}`,
    )
  }
} finally {
  await site.close()
}
console.log(
  `\nPerformance (a timing, reported only): lowest ${Math.min(...performance)}, highest ${Math.max(...performance)}.`,
)
console.log(
  allFull
    ? '\nAccessibility, best practices and SEO are 100 on every page.'
    : '\nNot every accessibility, best-practices or SEO score is 100.',
)
process.exit(allFull ? 0 : 1)

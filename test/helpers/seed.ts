import { readFileSync } from 'node:fs'
import path from 'node:path'
import { packageRoot } from '../../src/config/paths.js'

/** The company's notice as delivered (a copy kept with the tests), one line per entry; line 1 is index 0. */
export const seedLines: readonly string[] = readFileSync(
  path.join(packageRoot, 'test', 'fixtures', 'seed', 'personvernerklaering.txt'),
  'utf8',
)
  .split('\n')
  .map((line) => line.replace(/\s+/g, ' ').trim())

export const seedLine = (number: number): string => seedLines[number - 1] ?? ''

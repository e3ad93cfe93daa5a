import { cpSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** The ways a save reaches the disk: editors, tools, git and npm run publish. */
export const saves: [string, (file: string, text: string) => void][] = [
  ['in place', (file, text) => writeFileSync(file, text)],
  [
    'temp file + rename (sed -i, gedit, JetBrains, npm run publish)',
    (file, text) => {
      writeFileSync(`${file}.tmp`, text)
      renameSync(`${file}.tmp`, file)
    },
  ],
  [
    'delete + create',
    (file, text) => {
      rmSync(file)
      writeFileSync(file, text)
    },
  ],
  [
    'the whole folder replaced (git checkout, git pull)',
    (file, text) => {
      const folder = path.dirname(file)
      cpSync(folder, `${folder}.new`, { recursive: true })
      writeFileSync(path.join(`${folder}.new`, path.basename(file)), text)
      renameSync(folder, `${folder}.old`)
      renameSync(`${folder}.new`, folder)
      rmSync(`${folder}.old`, { recursive: true })
    },
  ],
]

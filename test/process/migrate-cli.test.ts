import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/config/paths.js'
import { freePort } from '../helpers/free-port.js'
import {
  type PostgresServer,
  postgresAvailable,
  startPostgres,
} from '../helpers/postgres-server.js'

const run = promisify(execFile)

async function migrate(databaseUrl: string) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/migrate.ts'], {
    cwd: packageRoot,
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  )
}

describe('npm run migrate', () => {
  it('exits 1 with one line when it cannot connect', async () => {
    const port = await freePort()
    const result = await migrate(`postgres://app@127.0.0.1:${port}/personvern`)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      'npm run migrate: cannot connect to the database in DATABASE_URL (ECONNREFUSED)\n',
    )
  })

  it('exits 1 with one line for a DATABASE_URL that is not PostgreSQL', async () => {
    const result = await migrate('mysql://app@127.0.0.1/personvern')
    expect(result).toMatchObject({ code: 1, stdout: '' })
    expect(result.stderr).toMatch(
      /^npm run migrate: DATABASE_URL must start with postgres:\/\/.*\n$/,
    )
  })

  describe.runIf(postgresAvailable())('on PostgreSQL', () => {
    let server: PostgresServer
    beforeAll(async () => {
      server = await startPostgres()
    })
    afterAll(() => server?.stop())

    it('prints what it applied, then that nothing was left to apply', async () => {
      const host = new URL(server.url).host
      expect(await migrate(server.url)).toMatchObject({
        code: 0,
        stdout: `PostgreSQL (${host}): applied 0001-privacy-requests\nPostgreSQL (${host}): applied 0002-staff\n`,
      })
      expect(await migrate(server.url)).toMatchObject({
        code: 0,
        stdout: `PostgreSQL (${host}): up to date, nothing to apply\n`,
      })
    })
  })
})

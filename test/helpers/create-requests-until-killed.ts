// A process that keeps privacy requests in the SQLite file named on its command line, one after
// another, and prints each reference the moment its create resolves, until it is killed.
import { createRequest } from '../../src/store/create-request.js'
import { migrateToLatest } from '../../src/store/migrate.js'
import { openStore } from '../../src/store/open-store.js'
import { testSealingKey } from './store-under-test.js'

const store = openStore({ sqlitePath: process.argv[2] })
await migrateToLatest(store.db)
for (let i = 0; ; i++) {
  const created = await createRequest(
    store.db,
    {
      kind: 'access',
      language: 'nb',
      name: `Visitor ${i}`,
      email: `v${i}@example.no`,
      details: '',
    },
    { now: new Date(), sealingKey: testSealingKey },
  )
  process.stdout.write(`${JSON.stringify(created)}\n`)
}

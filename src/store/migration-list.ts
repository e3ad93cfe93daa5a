import type { Migration, MigrationProvider } from 'kysely/migration'
import * as privacyRequests from './migrations/0001-privacy-requests.js'
import * as staff from './migrations/0002-staff.js'

// Imported, not found by scanning a folder at run time: the list is the same from src/ under
// tsx and from build/ after tsc, and a migration missing from it fails the type check.
// Names sort in the order they apply; add new ones at the end.
const migrations: Record<string, Migration> = {
  '0001-privacy-requests': privacyRequests,
  '0002-staff': staff,
}

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations
  },
}

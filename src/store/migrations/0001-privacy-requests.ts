import { type Kysely, sql } from 'kysely'

// A migration is frozen once shipped: the lists below are written out rather than imported, so
// that a later change to the live lists needs a migration of its own.
const kinds = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'withdraw_consent',
  'question',
  'complaint',
]
const statuses = ['received', 'confirmed', 'in_progress', 'completed', 'refused', 'extended']

function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`
}

// Only types both databases share (text, integer) and no generated ids: ids are random UUIDs
// made by the application, so one code path serves SQLite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('privacy_requests')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('reference', 'text', (column) => column.notNull().unique())
    .addColumn('kind', 'text', (column) => column.notNull().check(oneOf('kind', kinds)))
    .addColumn('language', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('email', 'text', (column) => column.notNull())
    .addColumn('details', 'text', (column) => column.notNull())
    .addColumn('customer_reference', 'text')
    .addColumn('status', 'text', (column) => column.notNull().check(oneOf('status', statuses)))
    .addColumn('received_at', 'text', (column) => column.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('due_at', 'text', (column) => column.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('confirm_token_hash', 'text', (column) => column.unique())
    .addColumn('confirm_expires_at', 'text')
    .addColumn('status_token_hash', 'text', (column) => column.notNull().unique())
    .execute()
  await db.schema
    .createIndex('privacy_requests_status_received')
    .on('privacy_requests')
    .columns(['status', 'received_at'])
    .execute()
  await db.schema
    .createIndex('privacy_requests_closed')
    .on('privacy_requests')
    .column('closed_at')
    .execute()

  await db.schema
    .createTable('request_messages')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('request_id', 'text', (column) =>
      column.notNull().references('privacy_requests.id').onDelete('cascade'),
    )
    .addColumn('author', 'text', (column) =>
      column.notNull().check(oneOf('author', ['staff', 'visitor'])),
    )
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('sent_at', 'text', (column) => column.notNull())
    .execute()
  await db.schema
    .createIndex('request_messages_request')
    .on('request_messages')
    .columns(['request_id', 'sent_at'])
    .execute()

  // A mail about a request goes with it when retention deletes the request: the address in it
  // is the visitor's personal data too.
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('request_id', 'text', (column) =>
      column.references('privacy_requests.id').onDelete('cascade'),
    )
    .addColumn('recipient', 'text', (column) => column.notNull())
    .addColumn('language', 'text', (column) => column.notNull())
    .addColumn('template', 'text', (column) => column.notNull())
    .addColumn('payload', 'text', (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .execute()
  await db.schema
    .createIndex('mail_outbox_due')
    .on('mail_outbox')
    .columns(['sent_at', 'next_attempt_at'])
    .execute()
  await db.schema
    .createIndex('mail_outbox_request')
    .on('mail_outbox')
    .column('request_id')
    .execute()

  await db.schema
    .createTable('request_limits')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('window_start', 'text', (column) => column.notNull())
    .addColumn('count', 'integer', (column) => column.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('request_limits').execute()
  await db.schema.dropTable('mail_outbox').execute()
  await db.schema.dropTable('request_messages').execute()
  await db.schema.dropTable('privacy_requests').execute()
}

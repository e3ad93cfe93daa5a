import { type Kysely, PostgresAdapter, sql } from 'kysely'

// The staff area: accounts, their sessions, notes on requests and the audit trail, and the
// request columns for an extended deadline or a refusal. Frozen once shipped, like 0001.

const appendOnly = 'audit_events is append-only'

async function refuseAuditChanges(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function audit_events_refuse_change() returns trigger language plpgsql as $$
      begin raise exception ${sql.lit(appendOnly)}; end $$`.execute(db)
    await sql`create trigger audit_events_no_update_or_delete before update or delete
      on audit_events for each row execute function audit_events_refuse_change()`.execute(db)
    await sql`create trigger audit_events_no_truncate before truncate
      on audit_events for each statement execute function audit_events_refuse_change()`.execute(db)
    return
  }
  await sql`create trigger audit_events_no_update before update on audit_events
    begin select raise(abort, ${sql.lit(appendOnly)}); end`.execute(db)
  await sql`create trigger audit_events_no_delete before delete on audit_events
    begin select raise(abort, ${sql.lit(appendOnly)}); end`.execute(db)
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_accounts')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('email', 'text', (column) => column.notNull().unique())
    .addColumn('password_hash', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('disabled_at', 'text')
    .addColumn('failed_signins', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .execute()

  // The session token is never stored, only its SHA-256: a copy of the database opens nothing.
  await db.schema
    .createTable('staff_sessions')
    .addColumn('id_hash', 'text', (column) => column.primaryKey())
    .addColumn('account_id', 'text', (column) =>
      column.notNull().references('staff_accounts.id').onDelete('cascade'),
    )
    .addColumn('csrf_token', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('last_seen_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .execute()
  await db.schema
    .createIndex('staff_sessions_account')
    .on('staff_sessions')
    .column('account_id')
    .execute()

  // No foreign keys: an event outlives the account and the request it is about.
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('actor', 'text')
    .addColumn('actor_email', 'text')
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('request_id', 'text')
    .addColumn('details', 'text')
    .execute()
  await db.schema.createIndex('audit_events_at').on('audit_events').column('at').execute()
  await db.schema
    .createIndex('audit_events_request')
    .on('audit_events')
    .columns(['request_id', 'at'])
    .execute()
  await refuseAuditChanges(db)

  await db.schema
    .createTable('request_notes')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('request_id', 'text', (column) =>
      column.notNull().references('privacy_requests.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'text', (column) => column.notNull().references('staff_accounts.id'))
    .addColumn('body', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute()
  await db.schema
    .createIndex('request_notes_request')
    .on('request_notes')
    .columns(['request_id', 'created_at'])
    .execute()

  for (const column of ['extended_due_at', 'extension_reason', 'refusal_reason']) {
    await db.schema.alterTable('privacy_requests').addColumn(column, 'text').execute()
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['refusal_reason', 'extension_reason', 'extended_due_at']) {
    await db.schema.alterTable('privacy_requests').dropColumn(column).execute()
  }
  await db.schema.dropTable('request_notes').execute()
  await db.schema.dropTable('audit_events').execute()
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop function audit_events_refuse_change()`.execute(db)
  }
  await db.schema.dropTable('staff_sessions').execute()
  await db.schema.dropTable('staff_accounts').execute()
}

import type { Kysely } from 'kysely';

/**
 * Reports: each workspace's white-label branding, the report schedules (a template, a period, who
 * receives it by e-mail and/or a signed webhook) and the record of every scheduled delivery.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_branding')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('logo_data_url', 'text')
    .addColumn('colour', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('report_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('email_to', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('webhook_url', 'text')
    .addColumn('webhook_secret', 'text')
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('last_run_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_schedules_name_key', ['workspace_id', 'name'])
    .execute();
  await db.schema.createIndex('report_schedules_due_idx').on('report_schedules').columns(['enabled', 'next_run_at']).execute();
  await db.schema
    .createTable('report_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('schedule_id', 'text', (c) => c.references('report_schedules.id').onDelete('set null'))
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    // One delivery per schedule, period and recipient: a re-run of the same period sends nothing twice.
    .addUniqueConstraint('report_deliveries_once_key', ['schedule_id', 'period_from', 'channel', 'target'])
    .execute();
  await db.schema.createIndex('report_deliveries_workspace_idx').on('report_deliveries').columns(['workspace_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_deliveries').execute();
  await db.schema.dropTable('report_schedules').execute();
  await db.schema.dropTable('report_branding').execute();
}

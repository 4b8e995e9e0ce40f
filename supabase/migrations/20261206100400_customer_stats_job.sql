-- Customers: the nightly job that moves customers between segments as time passes (a segment
-- depends on the date of the last order, not only on orders). Its queue, `refresh-customer-stats`
-- (jobs/queues/refresh-customer-stats.ts, which also holds its cron schedule), runs
-- app.refresh_all_customer_stats(). The queue is created here, with the module's options, like the
-- jobs migration's product queues, so the database and the registry agree before any worker
-- starts (tests/jobs/migration.test.ts); a worker that already created it is left alone.

select pgboss.create_queue('refresh-customer-stats', json_build_object(
  'policy', 'singleton', 'retryLimit', 2, 'retryDelay', 300, 'retryBackoff', true,
  'expireInSeconds', 1800, 'retentionMinutes', 20160))
 where not exists (select 1 from pgboss.queue where name = 'refresh-customer-stats');

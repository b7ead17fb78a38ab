import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of one app instance. A registry per instance (not prom-client's global one)
 * so tests can build several bots in one process.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'thidua_' });
  return {
    registry,
    updates: new Counter({ name: 'thidua_updates_total', help: 'Updates handled, by type', labelNames: ['type'] as const, registers: [registry] }),
    handlerErrors: new Counter({ name: 'thidua_handler_errors_total', help: 'Errors thrown by update handlers', registers: [registry] }),
    updateSeconds: new Histogram({
      name: 'thidua_update_duration_seconds',
      help: 'Time to handle one update',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    storeOutages: new Counter({
      name: 'thidua_store_outage_updates_total',
      help: 'Updates that met an unavailable store: deferred (handled again later) or asked_to_resend (the user was asked to send again)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    updatesDuplicate: new Counter({ name: 'thidua_updates_duplicate_total', help: 'Deliveries of an update already handled (not handled again)', registers: [registry] }),
    updatesDropped: new Counter({ name: 'thidua_updates_dropped_total', help: 'Updates given up after a store stayed unavailable', registers: [registry] }),
    deliveries: new Counter({ name: 'thidua_deliveries_total', help: 'Outbox deliveries by final status', labelNames: ['status'] as const, registers: [registry] }),
    outboxBacklog: new Gauge({ name: 'thidua_outbox_backlog', help: 'Deliveries waiting to be sent', registers: [registry] }),
    reminderLag: new Gauge({ name: 'thidua_reminder_lag_seconds', help: 'How late the oldest due reminder is', registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

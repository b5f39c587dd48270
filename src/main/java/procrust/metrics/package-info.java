/**
 * {@code apply --metrics-file}: the status of every instance as Prometheus text exposition (SPEC §6),
 * written by the Prometheus client's text format writer and replaced atomically. May import: config,
 * plan, reconcile (its status report), Prometheus.
 */
package procrust.metrics;

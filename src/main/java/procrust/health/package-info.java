/**
 * Health checks as values and attempts: one attempt of a probe (a command spawned as the service's
 * checks always were, or an http/tcp check made inside procrust, or a log_line watch) and the liveness
 * bookkeeping of RUNNING instances (when to try, failures in a row, when it is unhealthy). It decides;
 * the reconciler applies. May import: config, runtime, logs, state.
 */
package procrust.health;

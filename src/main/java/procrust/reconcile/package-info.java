/**
 * The reconciler: observe (state file + /proc), plan with the planner, perform the next due change,
 * persist, wait for the next event. Time from an injected Clock. May import: config, plan, state,
 * runtime, logs, health, diag.
 */
package procrust.reconcile;

/**
 * The reconciler: observe (state file + /proc, {@link procrust.reconcile.Observation}), plan with the
 * planner, perform the next due change, persist, wait for the next event. Operations return an
 * {@link procrust.reconcile.Outcome} that {@link procrust.reconcile.Operations} applies in one place.
 * The runtime and the clock are handed in ({@link procrust.runtime.Host}), never chosen here; a file is
 * read through the loader it is given, never validate. May import: config, plan, state, runtime,
 * logs, diag.
 */
package procrust.reconcile;

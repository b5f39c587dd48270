/**
 * Hooks (SPEC §6): commands of the file's {@code [[hook]]} tables run on events of the processes, each
 * in a detached process group of its own, at most a few at once, never on the reconciler's thread.
 * May import: config, runtime, logs.
 */
package procrust.hooks;

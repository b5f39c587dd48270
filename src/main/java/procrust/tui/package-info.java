/**
 * {@code procrust tui}: a pure view model (rows, counts, ordering, tones, key handling, screens as
 * styled lines) and the JLine loop that reads the disk, draws and reads keys. It is handed how to read
 * the file and the processes (a loader, an {@link procrust.reconcile.Observation.Reader}), so it
 * imports neither validate nor runtime. May import: diag, config, plan, reconcile, state, logs, JLine.
 */
package procrust.tui;

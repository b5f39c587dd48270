/**
 * {@code procrust tui}: a pure view model (rows, counts, ordering, tones, key handling, screens as
 * styled lines) and the JLine loop that reads the disk, draws and reads keys. May import: diag, config,
 * plan, reconcile, state, logs, JLine.
 */
package procrust.tui;

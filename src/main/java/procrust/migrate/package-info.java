/**
 * {@code procrust import}: reads a supervisord file, a Procfile or a process-compose file and writes
 * an equivalent procrust file. Each importer fills a {@link procrust.migrate.Draft}; every setting it
 * cannot carry over becomes a {@link procrust.migrate.Draft.Note} (a {@code # procrust import:}
 * comment in the output and a warning on stderr); {@link procrust.migrate.TomlText} writes the draft.
 * The parsing is done by libraries (ini4j, SnakeYAML); this package maps, expands and writes.
 * See docs/import.md for every mapping and the reason for it. May import: config, diag.
 */
package procrust.migrate;

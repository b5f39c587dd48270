/**
 * The file's model: immutable records that carry their source positions, every default filled in.
 * Built by {@code procrust.config.read} (the only user of tomlj) from {@code procrust.config.raw}.
 * Never imports config.raw or config.read. May import: diag.
 */
package procrust.config;

/**
 * Reading a procrust file: bytes to text, tomlj parse, the TOML tree mapped into the raw records
 * (unknown keys, value forms, positions), and the one normalising step into the model.
 * The only user of tomlj. May import: config, config.raw, diag.
 */
package procrust.config.read;

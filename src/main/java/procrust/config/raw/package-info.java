/**
 * The file as written: records that mirror the TOML tables, values parsed but not yet checked or
 * defaulted, each with the positions of its keys; field constraints as Bean Validation annotations.
 * May import: config, diag.
 */
package procrust.config.raw;

/**
 * The file's model: tomlj parse into immutable records that carry their source positions, with
 * defaults filled in one normalising step. The only user of tomlj. May import: diag.
 */
package procrust.config;

/**
 * Turns a file into diagnostics and, when it has no error, the model: Hibernate Validator on the raw
 * records, version rules, JGraphT on the dependency graph of every instant. Never changes the model.
 * May import: config (and config.raw, config.read), diag.
 */
package procrust.validate;

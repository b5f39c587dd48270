/**
 * Turns a file into diagnostics: Hibernate Validator on the raw records, JGraphT on the dependency
 * graph of every instant. Never changes the model. May import: config, diag.
 */
package procrust.validate;

/**
 * Diagnostics as values: what is wrong, where (file, line, column), with a stable kebab-case code.
 * Imports nothing of ours.
 */
package procrust.diag;

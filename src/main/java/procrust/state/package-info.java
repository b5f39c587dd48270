/**
 * Where procrust keeps what it knows: the state directory of each uid, the state file (atomic
 * writes, corrupt-file diagnostics) and the apply lock. May import: diag.
 */
package procrust.state;

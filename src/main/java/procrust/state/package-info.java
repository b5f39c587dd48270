/**
 * Where procrust keeps what it knows: the state directory of each uid, the state file (atomic
 * writes, corrupt-file handling) and the apply lock. May import: diag, plan (InstanceState only).
 */
package procrust.state;

/**
 * Where procrust keeps what it knows: the state directory of each uid, the state file (atomic
 * writes, corrupt-file handling) and the apply lock. May import: config (the Fingerprint a record
 * keeps), plan (InstanceState), and jackson-core's streaming API (never jackson-databind: apply must
 * not load it).
 */
package procrust.state;

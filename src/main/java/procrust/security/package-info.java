/**
 * File-system safety for a tool that may run commands as root: who may write the config, what the
 * state and log folders may be, and private (0700/0600) creation whatever the umask. May import: diag.
 */
package procrust.security;

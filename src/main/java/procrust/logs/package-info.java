/**
 * The log files of managed processes: safe names derived from ids, size rotation, reading and
 * following. May import: config, security.
 */
package procrust.logs;

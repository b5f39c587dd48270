/**
 * The command line: {@link procrust.cli.Main}, one thin picocli class per command, and the text and
 * JSON views. The one place the Linux runtime and the system clock are chosen ({@code LinuxHost}).
 * May import everything; nothing imports cli.
 */
package procrust.cli;

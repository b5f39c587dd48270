/**
 * The command line: {@link procrust.cli.Main}, one thin picocli class per command, and the text and
 * JSON views. May import everything; nothing imports cli.
 */
package procrust.cli;

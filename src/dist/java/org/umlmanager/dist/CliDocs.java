package org.umlmanager.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.umlmanager.cli.Cli;
import org.umlmanager.cli.CliEnvironment;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the command's manual pages (AsciiDoc, one per command, turned into man pages by the
 * build) and its bash completion script from the picocli model, so they always match the CLI.
 * Run by the {@code dist} profile: {@code CliDocs OUTPUT_DIR}.
 */
public final class CliDocs {

    private CliDocs() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        CommandLine cli = Cli.commandLine(CliEnvironment.system());
        Path man = Files.createDirectories(out.resolve("man"));
        int status = ManPageGenerator.generateManPage(man.toFile(), null, new boolean[0], true, cli.getCommandSpec());
        if (status != 0) {
            throw new IOException("the man page generator failed with status " + status);
        }
        Path completion = Files.createDirectories(out.resolve("completion"));
        Files.writeString(completion.resolve("uml-manager"), AutoComplete.bash("uml-manager", cli));
    }
}

package org.umlmanager.cmdline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks that look at the host: what it lacks is a warning when saving and an error, in the
 * same words, when starting (ValidationContext.HostChecks).
 */
class ValidatorFilesTest {

    @TempDir
    Path dir;

    private List<Problem> saving(String... args) {
        return CommandLineParser.parse("files", List.of(args),
                ValidationContext.forSaving(Optional.of(Path.of("/tmp/um")), dir)).problems();
    }

    private List<Problem> starting(String... args) {
        return CommandLineParser.parse("files", List.of(args),
                ValidationContext.forStarting(Optional.of(Path.of("/tmp/um")), dir)).problems();
    }

    /** The host finding in {@code field}: a warning when saving, the same words as an error when starting. */
    private Problem hostFinding(String field, String... args) {
        Problem saved = saving(args).stream().filter(p -> p.field().equals(field)).findFirst().orElseThrow();
        assertThat(saved.isError()).as("saving: " + saved).isFalse();
        Problem started = starting(args).stream().filter(p -> p.field().equals(field)).findFirst().orElseThrow();
        assertThat(started.isError()).as("starting: " + started).isTrue();
        assertThat(started.message()).isEqualTo(saved.message());
        assertThat(started.subject()).isEqualTo(saved.subject());
        return started;
    }

    @Test
    void aDirectoryAsDiskImageIsAWarningWhenSavingAndRefusesTheStart() throws IOException {
        Files.createDirectory(dir.resolve("rootdir"));
        Problem p = hostFinding("disks[0].image", "ubd0=rootdir");
        assertThat(p.subject()).isEqualTo("ubd0=rootdir");
        assertThat(p.message()).contains("is a directory").contains("rootfstype=hostfs");
    }

    @Test
    void aMissingImageOrBackingFileIsAWarningWhenSavingAndRefusesTheStartButAMissingCowFileIsFine()
            throws IOException {
        Files.writeString(dir.resolve("base.img"), "x");
        assertThat(hostFinding("disks[0].image", "ubd0=missing.img").message()).contains("does not exist");
        assertThat(starting("ubd0=new.cow,base.img")).noneMatch(p -> p.field().startsWith("disks"));
        assertThat(hostFinding("disks[0].image", "ubd0=new.cow,gone.img").message()).contains("does not exist");
    }

    @Test
    void aCowFileThatCannotBeCreatedIsAHostFinding() throws IOException {
        Files.writeString(dir.resolve("base.img"), "x");
        Files.createDirectory(dir.resolve("cowdir"));
        assertThat(hostFinding("disks[0].cowFile", "ubd0=cowdir,base.img").message()).contains("is a directory");
        assertThat(hostFinding("disks[0].cowFile", "ubd0=" + dir.resolve("no/such/dir/new.cow") + ","
                + dir.resolve("base.img")).message()).contains("cannot create");
    }

    @Test
    void readOnlyImageWithoutTheRFlagIsAWarningEvenWhenStarting() throws IOException {
        Path img = Files.writeString(dir.resolve("ro.img"), "x");
        assertThat(img.toFile().setWritable(false)).isTrue();
        Assumptions.assumeFalse(Files.isWritable(img), "running as root, to whom every file is writable");
        assertThat(starting("ubd0=ro.img")).anyMatch(p -> !p.isError() && p.message().contains("read-only"));
        assertThat(starting("ubd0r=ro.img")).noneMatch(p -> p.field().startsWith("disks"));
    }

    @Test
    void theHostfsDirectoryTheKernelAndATtyDeviceAreHostFindings() {
        assertThat(hostFinding("hostfs.directory", "hostfs=" + dir.resolve("nope")).message())
                .contains("is not a directory");
        assertThat(starting("hostfs=" + dir)).noneMatch(p -> p.field().startsWith("hostfs"));
        assertThat(hostFinding("consoles[1]", "con=null", "con1=tty:/dev/ttyq9").message())
                .contains("/dev/ttyq9 does not exist");
        var saved = CommandLineParser.parseShellLine("k", "/no/such/linux umid=k", Path.of("/home/u"),
                ValidationContext.forSaving(Optional.empty(), dir)).problems();
        var started = CommandLineParser.parseShellLine("k", "/no/such/linux umid=k", Path.of("/home/u"),
                ValidationContext.forStarting(Optional.empty(), dir)).problems();
        assertThat(saved).anyMatch(p -> p.field().equals("kernel") && !p.isError());
        assertThat(started).anyMatch(p -> p.field().equals("kernel") && p.isError());
    }

    @Test
    void syntaxOnlyLooksAtNothingOnTheHost() {
        assertThat(CommandLineParser.parse("files", List.of("ubd0=missing.img", "hostfs=/no/such/dir"),
                ValidationContext.syntaxOnly()).problems()).noneMatch(p -> p.field().startsWith("disks")
                || p.field().equals("hostfs.directory"));
    }
}

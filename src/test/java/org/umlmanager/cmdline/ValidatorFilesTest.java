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

/** The checks that look at the host's files (ValidationContext.checkFiles). */
class ValidatorFilesTest {

    @TempDir
    Path dir;

    private List<Problem> problems(String... args) {
        ValidationContext ctx = new ValidationContext(Optional.of(Path.of("/tmp/um")), true, dir);
        return CommandLineParser.parse("files", List.of(args), ctx).problems();
    }

    @Test
    void directoryAsDiskImageIsRefused() throws IOException {
        Files.createDirectory(dir.resolve("rootdir"));
        assertThat(problems("ubd0=rootdir")).anySatisfy(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.field()).isEqualTo("disks[0].image");
            assertThat(p.subject()).isEqualTo("ubd0=rootdir");
            assertThat(p.message()).contains("is a directory").contains("rootfstype=hostfs");
        });
    }

    @Test
    void missingImageIsAnErrorButAMissingCowFileIsFine() throws IOException {
        Files.writeString(dir.resolve("base.img"), "x");
        assertThat(problems("ubd0=missing.img")).anyMatch(p -> p.isError() && p.message().contains("does not exist"));
        assertThat(problems("ubd0=new.cow,base.img")).noneMatch(p -> p.field().startsWith("disks"));
        assertThat(problems("ubd0=new.cow,gone.img")).anyMatch(p -> p.field().equals("disks[0].image") && p.isError());
    }

    @Test
    void readOnlyImageWithoutTheRFlagIsReported() throws IOException {
        Path img = Files.writeString(dir.resolve("ro.img"), "x");
        assertThat(img.toFile().setWritable(false)).isTrue();
        Assumptions.assumeFalse(Files.isWritable(img), "running as root, to whom every file is writable");
        assertThat(problems("ubd0=ro.img")).anyMatch(p -> !p.isError() && p.message().contains("read-only"));
        assertThat(problems("ubd0r=ro.img")).noneMatch(p -> p.field().startsWith("disks"));
    }

    @Test
    void hostfsDirectoryMustExistAndKernelMustBeFound() {
        assertThat(problems("hostfs=" + dir.resolve("nope"))).anyMatch(p -> p.field().equals("hostfs.directory"));
        assertThat(problems("hostfs=" + dir)).noneMatch(p -> p.field().startsWith("hostfs"));
        var withKernel = CommandLineParser.parseShellLine("k", "/no/such/linux umid=k", Path.of("/home/u"),
                new ValidationContext(Optional.empty(), true, dir)).problems();
        assertThat(withKernel).anyMatch(p -> p.field().equals("kernel") && p.isError());
    }
}

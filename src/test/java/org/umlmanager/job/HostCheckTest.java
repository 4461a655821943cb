package org.umlmanager.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostCheckTest {

    @TempDir
    Path tmp;

    @Test
    void aBareHostLacksEveryFeatureWithThePackageThatBringsIt() {
        HostCheck bare = new HostCheck(name -> Optional.empty());

        var missing = bare.missing(tmp.resolve("no-kernel").toString());

        assertThat(missing).extracting(HostCheck.Missing::debianPackage).containsExactly("user-mode-linux",
                "uml-utilities", "vde2", "mmdebstrap", "busybox-static", "e2fsprogs");
        assertThat(missing.get(0).feature()).isEqualTo("Starting machines");
        assertThat(missing.get(0).needs()).contains(tmp.resolve("no-kernel").toString());
        assertThat(HostCheck.installCommand(missing))
                .isEqualTo("sudo apt-get install user-mode-linux uml-utilities vde2 mmdebstrap busybox-static e2fsprogs");
    }

    @Test
    void onlyWhatIsMissingIsNamedAndAKernelNameIsLookedUpLikeAProgram() throws Exception {
        Path kernel = Files.createFile(tmp.resolve("linux"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Set<String> present = Set.of("uml_switch", "vde_switch", "busybox", "mkfs.ext4", "linux");
        HostCheck host = new HostCheck(name -> present.contains(name) ? Optional.of(tmp.resolve(name)) : Optional.empty());

        assertThat(host.missing(kernel.toString())).extracting(HostCheck.Missing::debianPackage)
                .containsExactly("mmdebstrap");
        assertThat(host.missing("linux")).extracting(HostCheck.Missing::debianPackage).containsExactly("mmdebstrap");
        assertThat(host.missing("linux-6.9")).extracting(HostCheck.Missing::debianPackage)
                .containsExactly("user-mode-linux", "mmdebstrap");
        // A kernel path that is not executable cannot start anything.
        Path plain = Files.createFile(tmp.resolve("plain"));
        assertThat(host.missing(plain.toString())).extracting(HostCheck.Missing::feature)
                .contains("Starting machines");
    }
}

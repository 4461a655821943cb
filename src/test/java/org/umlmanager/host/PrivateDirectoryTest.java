package org.umlmanager.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.testing.SecondUser;

class PrivateDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void missingLevelsAreMadeOwnerOnly() throws Exception {
        Path top = dir.resolve("run");
        Path deep = top.resolve("sessions/vm");

        PrivateDirectory.ensure(top, deep);

        for (Path p : new Path[] {top, top.resolve("sessions"), deep}) {
            assertThat(mode(p)).as(p.toString()).isEqualTo("rwx------");
        }
    }

    @Test
    void aLooseDirectoryOfOurOwnIsTightenedAndAFileMadePrivate() throws Exception {
        Path loose = Files.createDirectory(dir.resolve("loose"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path log = Files.writeString(loose.resolve("con0.log"), "typed password");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateDirectory.ensure(loose);
        PrivateDirectory.restrictFile(log);
        Path fresh = PrivateDirectory.createFile(loose.resolve("new.log"));

        assertThat(mode(loose)).isEqualTo("rwx------");
        assertThat(mode(log)).isEqualTo("rw-------");
        assertThat(mode(fresh)).isEqualTo("rw-------");
        assertThat(log).hasContent("typed password");
    }

    @Test
    void aLinkOrAFileInPlaceOfTheDirectoryIsRefused() throws Exception {
        Path target = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("run"), target);
        Path file = Files.writeString(dir.resolve("plain"), "x");

        assertThatThrownBy(() -> PrivateDirectory.ensure(link)).isInstanceOf(PrivateDirectory.NotPrivateException.class)
                .hasMessageContaining("is a symbolic link (to " + target + ")").hasMessageContaining("Remove the link");
        assertThatThrownBy(() -> PrivateDirectory.ensure(file.resolve("sub")))
                .hasMessageContaining("plain");
        assertThatThrownBy(() -> PrivateDirectory.ensure(file)).isInstanceOf(PrivateDirectory.NotPrivateException.class)
                .hasMessageContaining("is not a directory");
    }

    /** /tmp and its kind are everyone's by design: never tightened, even by root, and never used. */
    @Test
    void aSharedStickyDirectoryIsNeverChanged() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        assertThat(new ProcessBuilder("chmod", "1777", shared.toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> PrivateDirectory.ensure(shared, shared.resolve("run")))
                .isInstanceOf(PrivateDirectory.NotPrivateException.class).hasMessageContaining("sticky bit");
        assertThat(mode(shared)).isEqualTo("rwxrwxrwx");
        assertThat(shared.resolve("run")).doesNotExist();
    }

    /** Someone else made the directory first, as anyone can in /tmp: it is refused, never used or changed. */
    @Test
    void aDirectoryAnotherUserMadeIsRefusedWithItsOwner() throws Exception {
        SecondUser.require();
        Path foreign = Path.of("/tmp", "uml-manager-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        SecondUser.Result made = SecondUser.run("mkdir", "-m", "0777", foreign.toString());
        assertThat(made.status()).as(made.output()).isZero();
        try {
            assertThatThrownBy(() -> PrivateDirectory.ensure(foreign, foreign.resolve("sessions")))
                    .isInstanceOf(PrivateDirectory.NotPrivateException.class)
                    .hasMessageContaining("belongs to user " + SecondUser.NAME)
                    .hasMessageContaining("not to you").hasMessageContaining("XDG_RUNTIME_DIR");
            assertThat(foreign.resolve("sessions")).doesNotExist();
            assertThat(mode(foreign)).isEqualTo("rwxrwxrwx");
        } finally {
            SecondUser.run("rmdir", foreign.toString());
        }
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}

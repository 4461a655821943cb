package org.umlmanager.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Root filesystem specs, host apt sources, host names and password hashes. */
class SourcesAndNamesTest {

    @Test
    void rootfsSpecsParse() {
        assertThat(RootfsSource.parse("busybox")).isEqualTo(new RootfsSource.Busybox());
        assertThat(RootfsSource.parse("debian:bookworm")).isEqualTo(RootfsSource.Debian.of("bookworm"));
        assertThat(RootfsSource.parse("dir:/srv/root")).isEqualTo(new RootfsSource.Directory(Path.of("/srv/root")));
        assertThat(RootfsSource.parse("image:/x/../y.img")).isEqualTo(new RootfsSource.Image(Path.of("/y.img")));
        assertThatThrownBy(() -> RootfsSource.parse("ubuntu:noble")).hasMessageContaining("busybox, debian:SUITE");
        assertThatThrownBy(() -> RootfsSource.parse("dir:")).hasMessageContaining("dir:/path/to/it");
        assertThatThrownBy(() -> RootfsSource.parse("debian:Bookworm!")).hasMessageContaining("not a Debian suite");
        assertThatThrownBy(() -> RootfsSource.Debian.of("bookworm").withPackages(List.of("vim; rm")))
                .hasMessageContaining("not a Debian package name");
        assertThatThrownBy(() -> RootfsSource.Debian.of("bookworm").withMirror(Optional.of("deb.debian.org")))
                .hasMessageContaining("not a URL");
    }

    @Test
    void oneLineSourcesSkipSourcePackagesOptionsAndComments() {
        List<AptSources.Entry> e = AptSources.parseOneLine("""
                # deb http://old.example/debian buster main
                deb-src http://src.example/debian bookworm main
                deb [arch=amd64 signed-by=/k.gpg] http://ftp.de.debian.org/debian/ bookworm main contrib
                deb http://security.debian.org/debian-security bookworm-security main
                """);
        assertThat(e).containsExactly(
                new AptSources.Entry(List.of("http://ftp.de.debian.org/debian/"), List.of("bookworm")),
                new AptSources.Entry(List.of("http://security.debian.org/debian-security"),
                        List.of("bookworm-security")));
    }

    @Test
    void deb822SourcesHonourEnabledAndComments() {
        List<AptSources.Entry> e = AptSources.parseDeb822("""
                Types: deb
                # http://snapshot.debian.org/archive/debian/20250520T000000Z
                URIs: http://deb.debian.org/debian
                Suites: bookworm bookworm-updates
                Components: main
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

                Types: deb deb-src
                URIs: http://disabled.example/debian
                Suites: trixie
                Enabled: no

                Types: deb
                URIs: http://deb.debian.org/debian-security
                Suites: bookworm-security
                Components: main
                """);
        assertThat(e).containsExactly(
                new AptSources.Entry(List.of("http://deb.debian.org/debian"), List.of("bookworm", "bookworm-updates")),
                new AptSources.Entry(List.of("http://deb.debian.org/debian-security"), List.of("bookworm-security")));
    }

    @Test
    void theMirrorIsTheEntryForTheSuiteElseADebianArchiveNeverSecurity() {
        List<AptSources.Entry> entries = List.of(
                new AptSources.Entry(List.of("http://deb.debian.org/debian-security"), List.of("trixie-security")),
                new AptSources.Entry(List.of("https://packages.example.com/apt"), List.of("stable")),
                new AptSources.Entry(List.of("http://mirror.example/debian/"), List.of("bookworm")));
        assertThat(AptSources.pick(entries, "bookworm")).contains("http://mirror.example/debian/");
        assertThat(AptSources.pick(entries, "trixie")).contains("http://mirror.example/debian/");
        assertThat(AptSources.pick(List.of(entries.get(0)), "trixie")).isEmpty();
    }

    @Test
    void aptDirectoryReadsListAndSourcesFiles(@TempDir Path apt) throws Exception {
        Files.createDirectories(apt.resolve("sources.list.d"));
        Files.writeString(apt.resolve("sources.list.d/a.sources"),
                "Types: deb\nURIs: http://a.example/debian\nSuites: sid\n");
        Files.writeString(apt.resolve("sources.list.d/b.list.disabled"), "deb http://b.example/debian sid main\n");
        assertThat(AptSources.read(apt)).containsExactly(
                new AptSources.Entry(List.of("http://a.example/debian"), List.of("sid")));
    }

    @Test
    void hostNames() {
        assertThat(GuestConfig.hostnameFor("my_vm.1")).isEqualTo("my-vm.1");
        assertThat(GuestConfig.hostnameFor("_x_")).isEqualTo("x");
        assertThat(GuestConfig.hostnameProblem("good-name.example")).isEmpty();
        assertThat(GuestConfig.hostnameProblem("-bad")).get().asString().contains("not a valid host name");
        assertThat(GuestConfig.hostnameProblem("a".repeat(64))).isPresent();
    }

    @Test
    void passwordHashesAreSaltedSha512Crypt(@TempDir Path dir) throws Exception {
        char[] pw = "hunter2".toCharArray();
        PasswordHash a = PasswordHash.sha512(pw);
        assertThat(pw).containsOnly('\0');
        PasswordHash b = PasswordHash.sha512("hunter2".toCharArray());
        assertThat(a.crypt()).startsWith("$6$").isNotEqualTo(b.crypt());
        assertThat(a.matches("hunter2".toCharArray())).isTrue();
        assertThat(a.matches("hunter3".toCharArray())).isFalse();
        assertThat(a.toString()).doesNotContain(a.crypt());
        // A known vector (glibc crypt, also busybox mkpasswd -m sha512 / openssl passwd -6).
        assertThat(new PasswordHash("$6$abcdefghij$hSK8tOtZyfeRsFaR/aAWXZ8ksSKHZ4eKCS78C6Jzg4VsF2m824FOOk6SV./.6Kv"
                + "ITa6RXEKdY7EuQ6Dpj1WRe.").matches("test".toCharArray())).isTrue();

        Path file = dir.resolve("pw");
        Files.writeString(file, "from file\nsecond line\n");
        assertThat(PasswordHash.fromFile(file).matches("from file".toCharArray())).isTrue();
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> PasswordHash.fromFile(file)).hasMessageContaining("is empty");
        assertThatThrownBy(() -> PasswordHash.fromFile(dir.resolve("missing")))
                .hasMessageContaining("cannot read the password file");
        assertThatThrownBy(() -> new PasswordHash("plain")).isInstanceOf(IllegalArgumentException.class);
    }
}

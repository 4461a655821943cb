package org.umlmanager.cow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.umlmanager.model.Disk;
import org.umlmanager.model.DiskFlag;
import org.umlmanager.model.Instance;

/** Which configured disks sit on which backing file, for the tree view and for in-place merges. */
class CowUsersTest {

    @TempDir
    Path dir;

    @Test
    void groupsTheCowFilesOfAllInstancesByTheirRealBackingFile() throws Exception {
        Path base = CowFixtures.backing(dir.resolve("base.img"), 1 << 20, 30);
        Path other = CowFixtures.backing(dir.resolve("other.img"), 1 << 20, 31);
        Path link = Files.createSymbolicLink(dir.resolve("base-link.img"), base);
        Path web = dir.resolve("web.cow");
        CowFiles.create(web, base);
        Path db = dir.resolve("db.cow");
        CowFiles.create(db, link);
        Path stale = dir.resolve("stale.cow");
        CowFiles.create(stale, base);
        Path standalone = dir.resolve("standalone.cow");
        CowFiles.create(standalone, base);
        Path mail = dir.resolve("mail.cow");
        CowFiles.create(mail, other);
        Path garbage = Files.writeString(dir.resolve("garbage.cow"), "not a cow");
        Files.setLastModifiedTime(dir.resolve("base.img"), Files.getLastModifiedTime(base));
        List<Instance> instances = List.of(
                Instance.builder("web").disk(Disk.cow(0, web.toString(), base.toString()))
                        .disk(Disk.of(1, other.toString())).build(),
                Instance.builder("db").disk(Disk.cow(0, db.toString(), link.toString())).build(),
                Instance.builder("new").disk(Disk.cow(0, dir.resolve("new.cow").toString(), link.toString())).build(),
                Instance.builder("solo").disk(Disk.of(0, standalone.toString()))
                        .disk(new Disk(1, standalone.toString(), java.util.Optional.empty(), Set.of(DiskFlag.DATA),
                                java.util.Optional.empty())).build(),
                Instance.builder("mail").disk(Disk.cow(0, mail.toString(), other.toString()))
                        .disk(Disk.cow(1, garbage.toString(), base.toString())).build());

        BackingFileUsers onBase = CowUsers.of(link, instances);

        assertThat(onBase.backingFile()).isEqualTo(base.toRealPath());
        assertThat(onBase.users()).extracting(u -> u.instance() + ":" + u.disk().deviceName() + ":" + u.state())
                .containsExactly("web:ubda:VALID", "db:ubda:VALID", "new:ubda:NOT_CREATED", "solo:ubda:VALID",
                        "mail:ubdb:UNREADABLE");
        assertThat(onBase.users().get(4).detail()).contains("is not a COW file");
        assertThat(onBase.users().get(2).detail()).contains("at the first boot");

        List<BackingFileUsers> all = CowUsers.all(instances);
        assertThat(all).extracting(BackingFileUsers::backingFile).containsExactly(base.toRealPath(), other.toRealPath());
        assertThat(all.get(1).users()).extracting(CowUser::cowFile).containsExactly(mail);
        assertThat(CowUsers.cowFiles(instances)).containsExactly(web, db, dir.resolve("new.cow"), standalone, mail,
                garbage);
    }

    @Test
    void aCowFileThatNoLongerFitsIsShownAsAMismatchWithTheReason() throws Exception {
        Path base = CowFixtures.backing(dir.resolve("base.img"), 1 << 20, 32);
        Path cow = dir.resolve("vm.cow");
        CowFiles.create(cow, base);
        Files.setLastModifiedTime(base, FileTime.fromMillis(Files.getLastModifiedTime(base).toMillis() + 10_000));

        BackingFileUsers users = CowUsers.of(base, List.of(Instance.builder("vm")
                .disk(Disk.cow(0, cow.toString(), base.toString())).build()));

        assertThat(users.users()).singleElement().satisfies(u -> {
            assertThat(u.state()).isEqualTo(CowUser.State.MISMATCH);
            assertThat(u.detail()).contains("touch -d @");
        });
    }
}

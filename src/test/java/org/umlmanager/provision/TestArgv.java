package org.umlmanager.provision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.umlmanager.model.Disk;
import org.umlmanager.model.Instance;

/**
 * The argv of a provisioned instance for a boot test, until cmdline's generator lands: only what
 * the provisioner puts in an instance (one root disk, memory, con=null with con0 on our pipes).
 */
final class TestArgv {

    private TestArgv() {
    }

    static List<String> of(Instance instance, Path kernel, Path umlDir) {
        List<String> argv = new ArrayList<>();
        argv.add(kernel.toString());
        for (Disk d : instance.disks()) {
            argv.add("ubd" + d.unit() + "=" + d.cowFile().map(c -> c + ",").orElse("") + d.image());
        }
        instance.memory().ifPresent(m -> argv.add("mem=" + m.toKernelString()));
        argv.add("umid=" + instance.umid());
        argv.add("uml_dir=" + umlDir + "/");
        argv.add("con=null");
        argv.add("con0=fd:0,fd:1");
        return argv;
    }
}

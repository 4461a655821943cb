/**
 * Lab directories, as Netkit and Kathará keep them ({@code lab.conf}, {@code lab.dep},
 * {@code DEV.startup}, {@code DEV/}, {@code shared/}), turned into saved instances and switch
 * networks and back: the parsers, the plan of what an import makes, the base images the devices'
 * copy-on-write files sit on, the boot hook that runs a device's startup files, and the start
 * order. Nothing here writes the stores or starts guests; {@code service.LabService} does, with
 * what this package plans.
 */
package org.umlmanager.lab;

/**
 * Long jobs that run on a worker thread and drive host tools: making disk images, merging COW
 * files, provisioning a new machine. One {@link org.umlmanager.job.Cancellation} token lets a UI
 * or a Ctrl-C stop such a job, one {@link org.umlmanager.job.ProgressListener} receives its
 * stages, progress and output, and {@link org.umlmanager.job.HostCommand} is the one place where
 * a host tool (mkfs, mmdebstrap, resize2fs …) is run, timed out, and stopped with its whole
 * process tree. UML itself and the supervisor are started by {@code launch}, not here.
 */
package org.umlmanager.job;

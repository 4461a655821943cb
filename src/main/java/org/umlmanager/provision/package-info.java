/**
 * Making new virtual machines: a root filesystem from a source (Debian through mmdebstrap, a
 * busybox system, a directory, an existing image), the guest set up as the UML HowTo asks
 * (fstab, hostname, root password hash, network, login prompts, kernel modules), packed into an
 * image, and the {@link org.umlmanager.model.Instance} that boots it.
 *
 * <p>Entry point: {@link org.umlmanager.provision.Provisioner#create}. Every step reports to a
 * {@link org.umlmanager.job.ProgressListener}, can be cancelled through a
 * {@link org.umlmanager.job.Cancellation}, and leaves no half-made image or temporary
 * directory behind. commons-codec (SHA-512 crypt) is used in this package only.
 */
package org.umlmanager.provision;

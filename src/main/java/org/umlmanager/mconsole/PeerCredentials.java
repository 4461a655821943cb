package org.umlmanager.mconsole;

/**
 * Who sent a datagram, as the host kernel vouches for it ({@code SCM_CREDENTIALS}): a sender can
 * claim another pid or uid only with privileges (CAP_SYS_ADMIN, CAP_SETUID), so an ordinary
 * process cannot forge it.
 *
 * @param pid the sending process (its thread group, that is the process, not the thread)
 * @param uid its effective user id
 * @param gid its effective group id
 */
public record PeerCredentials(long pid, long uid, long gid) {
}

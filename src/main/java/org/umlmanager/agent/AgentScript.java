package org.umlmanager.agent;

import org.umlmanager.model.AgentLine;

/**
 * The guest side of {@code uml-manager exec}: a POSIX shell script (busybox ash and Debian's dash
 * alike; it needs base64, sed, setsid, stty and wc, which both have) that opens its serial line in
 * raw mode and serves requests until the line closes, then opens it again. Each request runs in a
 * session of its own in the background, so that several run at once and a timeout or a cancel
 * kills the command with everything it started; its output goes to files in {@code /run} and is
 * sent back when it ends, one frame per line, each frame written whole. The agent never writes to
 * the console.
 */
public final class AgentScript {

    /** Where the script lives in the guest. */
    public static final String PATH = "/usr/lib/uml-manager/agent";
    /** The systemd unit that runs it in Debian guests. */
    public static final String UNIT = "uml-manager-agent.service";

    private AgentScript() {
    }

    /** The script; it takes the line's device ({@code ttyS63}) as its only argument. */
    public static String script() {
        return """
                #!/bin/sh
                # Written by UML Manager: the agent of 'uml-manager exec'. It reads requests on the serial line
                # given as $1 (e.g. ttyS63) and answers there, one frame per line:
                #   UMX1 RUN ID SECONDS ARG...  run ARG... (each base64, '-' for an empty one), 0: no time limit
                #   UMX1 KILL ID                end that command and everything it started
                #   UMX1 PING ID                answered with UMX1 PONG ID
                # Answers: UMX1 O ID BASE64 (stdout), UMX1 E ID BASE64 (stderr),
                #   UMX1 X ID STATUS STDOUT-LINES STDERR-LINES (124 when the time limit ended it).
                # Nothing goes to the console.
                PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
                HOME=/root
                export PATH HOME
                line=/dev/${1:-@DEVICE@}
                work=/run/uml-manager-agent
                [ -d /run ] || work=/tmp/uml-manager-agent
                exec </dev/null >/dev/null 2>&1
                set -f
                mkdir -p "$work" && chmod 700 "$work" || exit 1

                # send TYPE ID FILE: FILE base64-encoded, one whole frame per write.
                send() {
                    base64 "$3" | while IFS= read -r chunk; do echo "UMX1 $1 $2 $chunk" >&3; done
                }

                # run ID SECONDS B64ARG...: runs the command, then sends its output and status.
                run() {
                    id=$1 limit=$2
                    shift 2
                    n=$#
                    while [ "$n" -gt 0 ]; do
                        if [ "$1" = - ]; then value=.; else value=$(printf '%s' "$1" | base64 -d; echo .); fi
                        set -- "$@" "${value%.}"
                        shift
                        n=$((n - 1))
                    done
                    dir=$work/$id
                    mkdir "$dir" || return
                    cd / || return
                    setsid "$@" </dev/null >"$dir/out" 2>"$dir/err" &
                    pid=$!
                    echo "$pid" > "$dir/pid"
                    watchdog=
                    if [ "$limit" -gt 0 ]; then
                        setsid sh -c 'sleep "$1"; [ -e "$2/pid" ] && : > "$2/timeout" && kill -KILL -"$3"' watchdog \\
                            "$limit" "$dir" "$pid" &
                        watchdog=$!
                    fi
                    wait "$pid"
                    status=$?
                    rm -f "$dir/pid"
                    [ -n "$watchdog" ] && kill -KILL -"$watchdog"
                    [ -e "$dir/timeout" ] && status=124
                    base64 "$dir/out" > "$dir/out.b64"
                    base64 "$dir/err" > "$dir/err.b64"
                    send O "$id" "$dir/out"
                    send E "$id" "$dir/err"
                    echo "UMX1 X $id $status $(wc -l < "$dir/out.b64") $(wc -l < "$dir/err.b64")" >&3
                    rm -rf "$dir"
                }

                while :; do
                    if ! exec 3<>"$line"; then
                        sleep 1
                        continue
                    fi
                    stty raw -echo <&3
                    : > "$work/ready"
                    while IFS= read -r request <&3; do
                        set -- $request
                        [ "$1" = UMX1 ] && [ $# -ge 3 ] || continue
                        case $2 in
                            RUN) shift 2; [ $# -ge 3 ] && (run "$@") & ;;
                            KILL) [ -e "$work/$3/pid" ] && kill -KILL -"$(cat "$work/$3/pid")" ;;
                            PING) echo "UMX1 PONG $3" >&3 ;;
                        esac
                    done
                    # The line was hung up: the answers have nowhere to go.
                    set +f
                    for pidfile in "$work"/*/pid; do
                        [ -e "$pidfile" ] && kill -KILL -"$(cat "$pidfile")"
                    done
                    set -f
                    exec 3<&-
                done
                """.replace("@DEVICE@", AgentLine.DEFAULT.guestDevice());
    }

    /** Where the agent marks that it holds its line. */
    static final String READY = "/run/uml-manager-agent/ready";

    /**
     * A shell command that waits (up to 5 s) until the agent holds its line. The kernel announces
     * the line's host device on the console when the agent opens it; waiting for that before the
     * login prompts start keeps the announcement among the boot messages.
     */
    static String awaitReady() {
        return "i=0; while [ ! -e " + READY + " ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done";
    }

    /** The systemd unit for {@code line}: started before the login prompts, restarted if it ends. */
    public static String systemdUnit(AgentLine line) {
        return """
                # Written by UML Manager: runs the agent of 'uml-manager exec' on %s.
                [Unit]
                Description=UML Manager command agent on %s
                DefaultDependencies=no
                After=local-fs.target systemd-tmpfiles-setup.service
                Before=getty-pre.target getty.target console-getty.service serial-getty@.service multi-user.target

                [Service]
                ExecStart=%s %s
                ExecStartPost=/bin/sh -c '%s'
                Restart=always
                RestartSec=1

                [Install]
                WantedBy=multi-user.target
                """.formatted(line.guestDevice(), line.guestDevice(), PATH, line.guestDevice(), awaitReady());
    }

    /** A busybox boot script that starts the agent in the background and waits until it holds its line. */
    public static String busyboxStarter(AgentLine line) {
        return "#!/bin/sh\n# Written by UML Manager: starts the agent of 'uml-manager exec' on " + line.guestDevice()
                + " (run by /etc/init.d/rcS).\nsetsid " + PATH + " " + line.guestDevice()
                + " </dev/null >/dev/null 2>&1 &\n" + awaitReady() + "\n";
    }

    /** Where the busybox starter lives; our rcS runs it. */
    public static final String BUSYBOX_STARTER = "/etc/init.d/uml-manager-agent";
}

package org.umlmanager.launch.holder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.umlmanager.launch.PosixTerminal;

/**
 * The slave side of a pts the kernel allocated for one of the guest's lines, opened raw. Reads
 * block a dedicated thread; they end when UML closes the master (the guest halted or rebooted).
 */
final class PtsDevice implements AutoCloseable {

    private final String path;
    private final int fd;

    private PtsDevice(String path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    static PtsDevice open(String path) throws IOException {
        int fd = PosixTerminal.openRaw(path);
        return new PtsDevice(path, fd);
    }

    String path() {
        return path;
    }

    /** Reads what the guest wrote; -1 once the line is gone. */
    int read(byte[] buffer) {
        return PosixTerminal.read(fd, buffer);
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        PosixTerminal.writeFully(fd, bytes, offset, length, path);
    }

    void resize(int columns, int rows) {
        ByteBuffer winsize = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        winsize.putShort((short) rows).putShort((short) columns);
        PosixTerminal.setWindowSize(fd, winsize.array());
    }

    @Override
    public void close() {
        PosixTerminal.close(fd);
    }
}

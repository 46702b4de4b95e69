package dev.estreamer.sink.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real file channel that accepts only {@code budget} more bytes (the last write may be
 * partial, as on a full disk) and then throws; it also counts {@code force} calls. The budget is
 * shared, so it can span the files a sink rotates through.
 */
final class FaultyChannel extends FileChannel {
    private final FileChannel real;
    private final AtomicLong budget;
    private final AtomicInteger forces;

    FaultyChannel(FileChannel real, AtomicLong budget, AtomicInteger forces) {
        this.real = real;
        this.budget = budget;
        this.forces = forces;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        long left = budget.get();
        if (left <= 0) {
            throw new IOException("No space left on device (injected)");
        }
        if (src.remaining() <= left) {
            int n = real.write(src);
            budget.addAndGet(-n);
            return n;
        }
        ByteBuffer part = src.duplicate();
        part.limit(part.position() + (int) left);
        int n = real.write(part);
        src.position(src.position() + n);
        budget.addAndGet(-n);
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            n += write(srcs[i]);
        }
        return n;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        forces.incrementAndGet();
        real.force(metaData);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return real.read(dsts, offset, length);
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        real.truncate(size);
        return this;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return real.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) {
        throw new UnsupportedOperationException();
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}

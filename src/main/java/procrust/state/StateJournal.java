package procrust.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * {@code state.journal}: what changed since {@code state.json} was written, so that a start, a stop or
 * a crash writes the records it changed, not the whole state (issue 18: 1,000 services, 850 KB per
 * change). One frame per save, appended and fdatasync'd before the save returns:
 *
 * <pre>
 * procrust-journal 1 CRC LENGTH          the state.json this journal follows (CRC-32 and length of its bytes)
 * F PUTS REMOVES CRC                      a frame: the byte counts of its two documents and their CRC-32
 * {state document: the top-level fields as they are now, and the records that changed or are new}
 * {state document: the records that are gone}
 * </pre>
 *
 * <p>Reading applies the frames in order over state.json. A journal that names another state.json is
 * stale (state.json was rewritten after it: the rename happened, the deletion of the journal did not)
 * and is ignored; a last frame that is short or fails its CRC is a save that never returned (the crash
 * came in its middle) and is ignored too, as a rename that never happened was before. A bad frame with
 * more after it is damage: the whole state is then treated as any unreadable state file.
 */
final class StateJournal {

    static final String FILE_NAME = "state.journal";
    private static final String MAGIC = "procrust-journal 1 ";

    /** What reading a journal over a state found. */
    record Replayed(StateFile state, boolean stale, String problem) {
    }

    private final Path file;
    private final byte[] header;
    private FileChannel channel;
    private long size;

    private StateJournal(Path file, byte[] header) {
        this.file = file;
        this.header = header;
    }

    /** The journal that will follow the state.json of {@code snapshot}; nothing is written until the first frame. */
    static StateJournal after(Path uidDir, byte[] snapshot) {
        return new StateJournal(uidDir.resolve(FILE_NAME), header(snapshot));
    }

    long size() {
        return size;
    }

    /**
     * The frame that takes {@code before} to {@code after}, or null when nothing changed. O(records) in
     * memory (one map), O(changed records) in bytes.
     */
    static byte[] frame(StateFile before, StateFile after) throws IOException {
        List<InstanceRecord> puts = new ArrayList<>();
        List<InstanceRecord> removes = new ArrayList<>();
        if (!inPlace(before.instances(), after.instances(), puts)) {
            puts.clear();
            byKey(before.instances(), after.instances(), puts, removes);
        }
        boolean topChanged = !after.withInstances(List.of()).equals(before.withInstances(List.of()));
        if (puts.isEmpty() && removes.isEmpty() && !topChanged) {
            return null;
        }
        return encode(after, puts, removes);
    }

    /**
     * The common case, without a map: the same instances in the same order ({@link StateFile#put} replaces
     * a record where it stands and appends a new one), records compared by identity first, the records
     * after the old ones' end new. False when the old list is longer or holds another instance at some
     * position: then {@link #byKey} decides.
     */
    private static boolean inPlace(List<InstanceRecord> before, List<InstanceRecord> after, List<InstanceRecord> puts) {
        return StateFile.inPlace(before, after, (was, r) -> {
            if (was == null || !r.equals(was)) {
                puts.add(r);
            }
        });
    }

    private static void byKey(List<InstanceRecord> before, List<InstanceRecord> after, List<InstanceRecord> puts,
                              List<InstanceRecord> removes) {
        Map<String, InstanceRecord> old = new HashMap<>(before.size() * 2);
        for (InstanceRecord r : before) {
            old.put(key(r), r);
        }
        for (InstanceRecord r : after) {
            InstanceRecord was = old.remove(key(r));
            if (was != r && !r.equals(was)) {
                puts.add(r);
            }
        }
        removes.addAll(old.values());
    }

    private static byte[] encode(StateFile after, List<InstanceRecord> puts, List<InstanceRecord> removes)
            throws IOException {
        byte[] p = StateJson.write(after.withInstances(puts));
        byte[] r = removes.isEmpty() ? new byte[0] : StateJson.write(after.withInstances(removes));
        CRC32 crc = new CRC32();
        crc.update(p);
        crc.update(r);
        byte[] head = ("F " + p.length + " " + r.length + " " + Long.toHexString(crc.getValue()) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + p.length + r.length + 1];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(p, 0, out, head.length, p.length);
        System.arraycopy(r, 0, out, head.length + p.length, r.length);
        out[out.length - 1] = '\n';
        return out;
    }

    /**
     * Appends a frame durably. The first one creates the file whole (header and frame in a temporary
     * file, fsync, rename over any stale journal, fsync of the folder); the next ones are one write and
     * one fdatasync each.
     */
    void append(byte[] frame) throws IOException {
        if (channel == null) {
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp-" + ProcessHandle.current().pid());
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING), PosixFilePermissions.asFileAttribute(StateStore.FILE_MODE))) {
                Files.setPosixFilePermissions(tmp, StateStore.FILE_MODE);
                writeAll(ch, header);
                writeAll(ch, frame);
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            StateStore.fsyncDir(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            size = header.length + frame.length;
            return;
        }
        writeAll(channel, frame);
        channel.force(false);
        size += frame.length;
    }

    /** Forgets the file (state.json was rewritten: this journal is stale and may go). */
    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing to keep
            }
            channel = null;
        }
    }

    /** The frames of {@code journal} applied over {@code base}, whose state.json bytes are {@code snapshot}. */
    static Replayed replay(StateFile base, byte[] snapshot, byte[] journal) {
        byte[] want = header(snapshot);
        if (journal.length < want.length || !java.util.Arrays.equals(journal, 0, want.length, want, 0, want.length)) {
            return new Replayed(base, true, null);
        }
        LinkedHashMap<String, InstanceRecord> records = new LinkedHashMap<>();
        for (InstanceRecord r : base.instances()) {
            records.put(key(r), r);
        }
        StateFile top = base;
        int at = want.length;
        int n = 0;
        while (at < journal.length) {
            n++;
            int nl = indexOf(journal, (byte) '\n', at);
            String[] head = nl < 0 ? null : new String(journal, at, nl - at, StandardCharsets.US_ASCII).split(" ");
            Frame f = head == null ? null : Frame.of(head, journal, nl + 1);
            if (f == null) {
                // a header line is written whole with its frame: without its newline, or with a frame that
                // reaches the end of the file, this is the last save, cut by a crash (ignored); anything
                // else is damage
                int declaredEnd = nl < 0 ? -1 : declaredEnd(head, nl + 1);
                if (nl < 0 || (declaredEnd >= journal.length && head[0].equals("F"))) {
                    break;
                }
                return new Replayed(base, false, "its journal " + FILE_NAME + " is damaged at frame " + n);
            }
            try {
                StateFile puts = StateJson.readState(java.util.Arrays.copyOfRange(journal, f.start, f.start + f.puts));
                if (f.removes > 0) {
                    StateFile gone = StateJson.readState(java.util.Arrays.copyOfRange(journal, f.start + f.puts,
                            f.start + f.puts + f.removes));
                    for (InstanceRecord r : gone.instances()) {
                        records.remove(key(r));
                    }
                }
                for (InstanceRecord r : puts.instances()) {
                    records.put(key(r), r);
                }
                top = puts;
            } catch (IOException | RuntimeException e) {
                return new Replayed(base, false, "its journal " + FILE_NAME + " has a frame " + n
                        + " that does not parse (" + e.getMessage() + ")");
            }
            at = f.start + f.puts + f.removes + 1;
        }
        return new Replayed(top.withInstances(new ArrayList<>(records.values())), false, null);
    }

    private record Frame(int start, int puts, int removes) {
        /** The frame whose header words are {@code head} and whose documents start at {@code start}; null when short or its CRC fails. */
        static Frame of(String[] head, byte[] j, int start) {
            if (head.length != 4 || !head[0].equals("F")) {
                return null;
            }
            try {
                int p = Integer.parseInt(head[1]);
                int r = Integer.parseInt(head[2]);
                long want = Long.parseLong(head[3], 16);
                if (p < 0 || r < 0 || (long) start + p + r + 1 > j.length || j[start + p + r] != '\n') {
                    return null;
                }
                CRC32 crc = new CRC32();
                crc.update(j, start, p + r);
                return crc.getValue() == want ? new Frame(start, p, r) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    private static int declaredEnd(String[] head, int start) {
        if (head.length != 4) {
            return -1;
        }
        try {
            long end = (long) start + Integer.parseInt(head[1]) + Integer.parseInt(head[2]) + 1;
            return end > Integer.MAX_VALUE ? -1 : (int) end;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static byte[] header(byte[] snapshot) {
        CRC32 crc = new CRC32();
        crc.update(snapshot);
        return (MAGIC + Long.toHexString(crc.getValue()) + " " + snapshot.length + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String key(InstanceRecord r) {
        return r.id() + '\u0000' + r.version();
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static void writeAll(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}

package procrust.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import procrust.config.read.UidProbe;
import procrust.state.HostLock;
import procrust.state.StateStore;

/**
 * Whose services to show when the file is invalid (an edit broke it): the uid is taken from the file's
 * text where it parses that far, else from the state dir when it holds exactly one uid's folder, else
 * from the running apply that was given this file (its record in the host-wide lock).
 */
final class UidSources {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** A uid and where it was found ("the file", "the state dir", "the running apply"). */
    record Found(String uid, String source) {
    }

    private UidSources() {
    }

    static Optional<Found> find(Path configFile, Path stateBase) {
        Optional<String> fromText = UidProbe.of(configFile);
        if (fromText.isPresent()) {
            return Optional.of(new Found(fromText.get(), "the file"));
        }
        List<String> folders = uidFolders(stateBase);
        if (folders.size() == 1) {
            return Optional.of(new Found(folders.get(0), "the state dir " + stateBase + " (its only uid)"));
        }
        Path file = configFile.toAbsolutePath().normalize();
        for (HostLock.Info i : HostLock.running()) {
            if (file.equals(i.configFile())) {
                return Optional.of(new Found(i.uid(), "the running apply (pid " + i.pid() + ") of this file"));
            }
        }
        return Optional.empty();
    }

    /** The uid folders (named by a UUID, holding a state file) of a state dir. */
    static List<String> uidFolders(Path base) {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(base)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (UUID.matcher(name).matches() && Files.exists(p.resolve(StateStore.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }
}

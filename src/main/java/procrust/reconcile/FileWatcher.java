package procrust.reconcile;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches the config file (through its folder, so editors that replace the file by a rename are
 * seen) and the requests folder, with inotify via {@link WatchService}: no polling. A burst of
 * events is reported once, 200 ms after it calms down.
 */
final class FileWatcher implements AutoCloseable {

    static final long DEBOUNCE_MS = 200;

    final AtomicBoolean configChanged = new AtomicBoolean();
    final AtomicBoolean requestsArrived = new AtomicBoolean();
    private final WatchService ws;
    private final Path configDir;
    private final String configName;
    private final Path requestsDir;
    private final Runnable wake;
    private final Thread thread;

    FileWatcher(Path configFile, Path requestsDir, Runnable wake) throws IOException {
        Path abs = configFile.toAbsolutePath().normalize();
        this.configDir = abs.getParent();
        this.configName = abs.getFileName().toString();
        this.requestsDir = requestsDir;
        this.wake = wake;
        this.ws = FileSystems.getDefault().newWatchService();
        configDir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        if (!requestsDir.equals(configDir)) {
            requestsDir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        }
        thread = new Thread(this::run, "procrust-file-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                WatchKey k = ws.take();
                boolean any = drain(k);
                // let a burst (write, truncate, rename) end, then report it once
                WatchKey more;
                while ((more = ws.poll(DEBOUNCE_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
                    any |= drain(more);
                }
                if (any) {
                    wake.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    private boolean drain(WatchKey k) {
        Path dir = (Path) k.watchable();
        boolean any = false;
        for (WatchEvent<?> e : k.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                configChanged.set(true);
                requestsArrived.set(true);
                any = true;
                continue;
            }
            String name = e.context().toString();
            if (dir.equals(configDir) && name.equals(configName)) {
                configChanged.set(true);
                any = true;
            }
            if (dir.equals(requestsDir) && name.endsWith(".json")) {
                requestsArrived.set(true);
                any = true;
            }
        }
        k.reset();
        return any;
    }

    @Override
    public void close() throws IOException {
        ws.close();
        thread.interrupt();
    }
}

package procrust.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import procrust.plan.InstanceState;
import procrust.reconcile.Key;
import procrust.reconcile.StatusReport;

/**
 * The metrics of SPEC §6 from a status report (what {@code procrust status} shows), one series per
 * instance with the labels {@code uid}, {@code id}, {@code version}:
 * {@code procrust_process_up} (1 when RUNNING), {@code procrust_process_state{state}} (one series per
 * state, 1 for the current one), {@code procrust_process_restarts_total},
 * {@code procrust_process_start_time_seconds} (only while a process lives),
 * {@code procrust_health_check_failures_total}; and {@code procrust_apply_last_reconcile_timestamp_seconds{uid}}.
 * Rows without a version (an id with no active version) have no instance and no series. Pure.
 */
public final class MetricsText {

    private MetricsText() {
    }

    /**
     * @param healthFailures liveness check failures seen per instance since this apply started
     * @param lastReconcile  when the reconciler last looked at the host
     */
    public static String render(StatusReport report, Map<Key, Long> healthFailures, Instant lastReconcile) {
        String uid = report.uid();
        GaugeSnapshot.Builder up = GaugeSnapshot.builder().name("procrust_process_up")
                .help("1 when the instance is RUNNING, else 0");
        GaugeSnapshot.Builder state = GaugeSnapshot.builder().name("procrust_process_state")
                .help("1 for the instance's current state, 0 for the others");
        CounterSnapshot.Builder restarts = CounterSnapshot.builder().name("procrust_process_restarts")
                .help("Times the instance was started again after its first start");
        GaugeSnapshot.Builder started = GaugeSnapshot.builder().name("procrust_process_start_time_seconds")
                .help("Start time of the instance's live process, seconds since the epoch");
        CounterSnapshot.Builder health = CounterSnapshot.builder().name("procrust_health_check_failures")
                .help("Failed liveness health checks of the instance since this apply started");
        for (StatusReport.Row r : report.rows()) {
            if (r.version() == null || r.version().equals("-")) {
                continue;
            }
            Labels labels = Labels.of("uid", uid, "id", r.id(), "version", r.version());
            up.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels)
                    .value(r.state() == InstanceState.RUNNING ? 1 : 0).build());
            for (InstanceState s : InstanceState.values()) {
                state.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .labels(labels.add("state", s.name())).value(r.state() == s ? 1 : 0).build());
            }
            restarts.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels)
                    .value(r.restarts()).build());
            if (r.startedAt() != null && r.pid() != null) {
                started.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels)
                        .value(r.startedAt().toEpochMilli() / 1000.0).build());
            }
            health.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels)
                    .value(healthFailures.getOrDefault(new Key(r.id(), r.version()), 0L)).build());
        }
        GaugeSnapshot last = GaugeSnapshot.builder().name("procrust_apply_last_reconcile_timestamp_seconds")
                .help("When procrust apply last reconciled the host, seconds since the epoch")
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(Labels.of("uid", uid))
                        .value(lastReconcile.toEpochMilli() / 1000.0).build())
                .build();
        MetricSnapshots all = MetricSnapshots.of(up.build(), state.build(), restarts.build(), started.build(),
                health.build(), last);
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            PrometheusTextFormatWriter.create().write(out, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

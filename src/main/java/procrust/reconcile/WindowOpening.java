package procrust.reconcile;

import java.time.Instant;
import java.time.ZoneId;
import procrust.config.ProcessSpec;

/** {@code procrust.plan.Windows::openingOf}: the opening of the window containing {@code at}, or null. */
@FunctionalInterface
public interface WindowOpening {
    Instant openingOf(ProcessSpec spec, ZoneId zone, Instant at);
}

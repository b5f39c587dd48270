package procrust.reconcile;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The set-up the reconciler's tests share: a {@link Fixture} in a temporary folder, fresh for each test. */
abstract class WithFixture {

    @TempDir
    Path tmp;
    Fixture f;
    FakeRuntime rt;

    @BeforeEach
    void setUpFixture() {
        f = new Fixture(tmp);
        rt = f.rt;
    }
}

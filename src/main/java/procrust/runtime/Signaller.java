package procrust.runtime;

/** Sends signals to whole process groups. Callers prove a group is theirs before calling. */
public interface Signaller {

    /** Sends {@code signal} to every member of process group {@code pgid}; a vanished group is not an error. */
    void signalGroup(long pgid, Signal signal);
}

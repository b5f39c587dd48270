package procrust.tui;

import java.util.Map;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import procrust.plan.InstanceState;
import procrust.reconcile.StatusReport;
import procrust.tui.UiState.View;

/** The parts every view shares: the title line, the apply line, the counts, the message and key lines. */
final class Chrome {

    private Chrome() {
    }

    /** {@code procrust tui  <what>} ... clock. */
    static AttributedString title(Frame f, String what, Palette p, int width) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.styled(p.bold(), "procrust tui").append("  ").append(Formats.printable(what));
        AttributedString right = new AttributedString(Formats.clock(f.now(), f.vm().snapshot().config().zone()), p.dim());
        return Cells.spread(b.toAttributedString(), right, width);
    }

    /** {@code apply running (pid N)} or the warning that nothing is supervised, then the uid. */
    static AttributedString apply(Frame f, Palette p, int width) {
        StatusReport r = f.vm().snapshot().report();
        AttributedStringBuilder b = new AttributedStringBuilder();
        if (r.applyPid() != null) {
            b.styled(p.tone(Tone.GOOD), "apply running (pid " + r.applyPid() + ")");
        } else {
            b.styled(p.tone(Tone.BAD), "no apply running (unsupervised)");
        }
        b.append("  ").styled(p.dim(), "uid ").append(r.uid());
        return Cells.cut(b.toAttributedString(), width);
    }

    /** {@code RUNNING 3  HELD 1 ...} in their tones, then how many rows are shown. */
    static AttributedString counts(ViewModel vm, Palette p, int width) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        for (Map.Entry<InstanceState, Integer> e : vm.counts().entrySet()) {
            if (b.length() > 0) {
                b.append("  ");
            }
            b.styled(p.tone(Tone.of(e.getKey())), e.getKey().name() + " " + e.getValue());
        }
        if (vm.all().isEmpty()) {
            b.styled(p.dim(), "no processes in the file or the state");
        }
        int n = vm.all().size();
        String right = vm.filter().isEmpty() ? n + (n == 1 ? " process" : " processes")
                : vm.rows().size() + " of " + n + " shown";
        return Cells.spread(b.toAttributedString(), new AttributedString(right, p.dim()), width);
    }

    /** The line above the keys: typing a filter, a question, a problem with the file, or an outcome. */
    static AttributedString message(Frame f, Palette p, int width) {
        UiState u = f.ui();
        Snapshot s = f.vm().snapshot();
        AttributedStringBuilder b = new AttributedStringBuilder();
        if (u.draft() != null) {
            b.styled(p.bold(), "/").append(Formats.printable(u.draft())).styled(p.selected(p.plain()), " ")
                    .styled(p.dim(), "  enter keeps the filter, esc cancels");
        } else if (u.confirm() != null) {
            b.styled(p.tone(Tone.BUSY).bold(), u.confirm().question());
        } else if (s.fileProblem() != null) {
            // the file on disk is not the one shown: more urgent than the outcome of an earlier action
            b.styled(p.tone(Tone.BAD), Formats.printable(s.fileProblem()));
        } else if (u.message() != null) {
            b.styled(p.tone(u.messageTone()), Formats.printable(u.message()));
        } else if (s.report().stateProblem() != null) {
            b.styled(p.tone(Tone.BAD), Formats.printable(s.report().stateProblem()));
        } else if (!u.filter().isEmpty()) {
            b.styled(p.dim(), "filter: ").append(Formats.printable(u.filter())).styled(p.dim(), "  (/ edits, esc clears)");
        }
        return Cells.cut(b.toAttributedString(), width);
    }

    /** The keys that work in this view. */
    static AttributedString keys(View v, Palette p, int width) {
        String k = switch (v) {
            case LIST -> "j/k move  enter details  l log  s stop  S start  / filter  ? help  q quit";
            case DETAIL -> "j/k next  esc back  l log  s stop  S start  / filter  ? help  q quit";
            case LOG -> "esc back  s stop  S start  ? help  q quit";
        };
        return Cells.cut(new AttributedString(k, p.dim()), width);
    }
}

package procrust.config.read;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times of day ({@code "HH:MM[:SS]"}; {@code "24:00"} for the end of the day, stop only) and week day
 * names ({@code mon}..{@code sun}, full English names too, any case), ranges ({@code "mon-fri"}, and
 * wrapping ones like {@code "fri-mon"}) and {@code "all"}.
 */
final class Times {

    /** The end of the day: a stop_time of "24:00". */
    static final LocalTime END_OF_DAY = null;

    static final String TIME_FORMS = "a time of day like \"08:00\" or \"18:30:00\" (24-hour clock)";
    static final String DAY_FORMS = "a week day (mon, tue, wed, thu, fri, sat, sun), a range like \"mon-fri\", or \"all\"";

    private static final Pattern HM = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    private static final List<String> SHORT = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private Times() {
    }

    /** A time of day; {@code endOfDayAllowed} admits "24:00[:00]", returned as {@link Parsed#ok} of null. */
    static Parsed<LocalTime> timeOfDay(String text, boolean endOfDayAllowed) {
        Matcher m = HM.matcher(text.strip());
        if (!m.matches()) {
            return Parsed.fail("must be " + TIME_FORMS + "; got \"" + Durations.shorten(text) + "\"");
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        int s = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (h == 24 && min == 0 && s == 0) {
            return endOfDayAllowed ? Parsed.ok(END_OF_DAY)
                    : Parsed.fail("cannot be 24:00 (the end of the day): use \"00:00\" for midnight");
        }
        if (h > 23 || min > 59 || s > 59) {
            return Parsed.fail("is not a valid time of day: \"" + text + "\" (hours 0-23, minutes and seconds 0-59)");
        }
        return Parsed.ok(LocalTime.of(h, min, s));
    }

    /** One element of week_days: a day, a range of days, or "all". */
    static Parsed<Set<DayOfWeek>> days(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("all")) {
            return Parsed.ok(EnumSet.allOf(DayOfWeek.class));
        }
        int dash = s.indexOf('-');
        if (dash < 0) {
            DayOfWeek d = day(s);
            return d == null ? Parsed.fail("must be " + DAY_FORMS + "; got \"" + Durations.shorten(text) + "\"")
                    : Parsed.ok(EnumSet.of(d));
        }
        DayOfWeek from = day(s.substring(0, dash).strip());
        DayOfWeek to = day(s.substring(dash + 1).strip());
        if (from == null || to == null) {
            return Parsed.fail("must be " + DAY_FORMS + "; got \"" + Durations.shorten(text) + "\"");
        }
        Set<DayOfWeek> out = EnumSet.of(from);
        for (DayOfWeek d = from; d != to; ) {
            d = d.plus(1);
            out.add(d);
        }
        return Parsed.ok(out);
    }

    private static DayOfWeek day(String s) {
        int i = SHORT.indexOf(s);
        if (i >= 0) {
            return DayOfWeek.of(i + 1);
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).equals(s)) {
                return d;
            }
        }
        return null;
    }
}

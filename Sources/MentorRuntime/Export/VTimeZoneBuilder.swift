/// Builds the `VTIMEZONE` component (RFC 5545 §3.6.5) for a zone over a span of wall-clock
/// times: one observance for the type in effect when the span begins, then one per change in
/// it, each with a single `DTSTART` (no `RRULE`), so the component says exactly what the tz
/// database says for the events' dates and nothing about other years.
enum VTimeZoneBuilder {
    /// The component's content lines (unfolded) for wall-clock seconds `firstLocal...lastLocal`.
    static func lines(for rules: TimeZoneRules, firstLocal: Int64, lastLocal: Int64) -> [String] {
        // A wall-clock time is within 26 hours of its UTC instant in every zone there is.
        let margin: Int64 = 26 * 3600
        let from = firstLocal - margin
        let through = lastLocal + margin
        let (inEffect, changes) = rules.transitions(from: from, through: through)
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + rules.name]
        if let onset = rules.lastTransition(atOrBefore: from - 1) {
            lines += observance(onset)
        } else {
            // No change before the span: the type has held since before it; name its start as
            // the span's first midnight, which is all a reader needs.
            let midnight = from - ((from % 86_400) + 86_400) % 86_400
            lines += observance(start: midnight, from: inEffect, to: inEffect)
        }
        for change in changes { lines += observance(change) }
        lines.append("END:VTIMEZONE")
        return lines
    }

    private static func observance(_ change: ZoneTransition) -> [String] {
        observance(start: change.instant + Int64(change.before.utcOffset), from: change.before, to: change.after)
    }

    /// `start` is the onset in wall-clock time of the type before it, as §3.6.5 asks.
    private static func observance(start: Int64, from: LocalTimeType, to: LocalTimeType) -> [String] {
        let kind = to.isDaylight ? "DAYLIGHT" : "STANDARD"
        return ["BEGIN:" + kind,
                "DTSTART:" + ICalendarText.localDateTime(seconds: start),
                "TZOFFSETFROM:" + ICalendarText.utcOffset(seconds: from.utcOffset),
                "TZOFFSETTO:" + ICalendarText.utcOffset(seconds: to.utcOffset),
                "TZNAME:" + ICalendarText.escape(to.abbreviation),
                "END:" + kind]
    }
}

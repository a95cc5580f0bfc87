/// A local time type of a zone: its offset from UTC, whether it is daylight-saving time, and
/// its abbreviation (`CET`, `CEST`).
public struct LocalTimeType: Sendable, Hashable {
    /// Seconds east of UTC.
    public let utcOffset: Int32
    /// True for daylight-saving (summer) time.
    public let isDaylight: Bool
    /// The abbreviation, such as `CEST`; may be a numeric form such as `+03`.
    public let abbreviation: String

    /// Creates a local time type.
    public init(utcOffset: Int32, isDaylight: Bool, abbreviation: String) {
        self.utcOffset = utcOffset
        self.isDaylight = isDaylight
        self.abbreviation = abbreviation
    }
}

/// A change of local time type at an instant.
public struct ZoneTransition: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let instant: Int64
    /// The type in effect just before the instant.
    public let before: LocalTimeType
    /// The type in effect from the instant on.
    public let after: LocalTimeType
}

/// A zone's history and future rules, read from a TZif file: explicit transitions, then the
/// POSIX TZ rule of its footer for instants after the last one (RFC 8536 §3.3).
public struct TimeZoneRules: Sendable {
    /// The zone's name (`Europe/Berlin`).
    public let name: String
    /// The type before the first transition.
    let initial: LocalTimeType
    /// Explicit transitions in increasing order of instant.
    let explicit: [(instant: Int64, type: LocalTimeType)]
    /// The footer's rule for instants after the last explicit transition.
    let footer: PosixTimeZone?

    /// Creates rules; `explicit` must be in increasing order of instant.
    init(name: String, initial: LocalTimeType, explicit: [(instant: Int64, type: LocalTimeType)], footer: PosixTimeZone?) {
        self.name = name
        self.initial = initial
        self.explicit = explicit
        self.footer = footer
    }

    /// Every change of type with an instant in `from...through`, in order, and the type in effect at `from`.
    public func transitions(from: Int64, through: Int64) -> (inEffect: LocalTimeType, changes: [ZoneTransition]) {
        var current = initial
        var inEffect = initial
        var changes: [ZoneTransition] = []
        for (instant, type) in timeline(from: from, through: through) {
            if instant > through { break }
            if type != current {
                if instant >= from { changes.append(ZoneTransition(instant: instant, before: current, after: type)) }
                current = type
            }
            if instant < from { inEffect = current }
        }
        return (inEffect, changes)
    }

    /// The last change of type at or before `instant`, if the zone has one.
    public func lastTransition(atOrBefore instant: Int64) -> ZoneTransition? {
        var current = initial
        var last: ZoneTransition?
        for (at, type) in timeline(from: instant, through: instant) {
            if at > instant { break }
            if type != current {
                last = ZoneTransition(instant: at, before: current, after: type)
                current = type
            }
        }
        return last
    }

    /// The type in effect at `instant`.
    public func type(at instant: Int64) -> LocalTimeType {
        lastTransition(atOrBefore: instant)?.after ?? initial
    }

    /// Explicit transitions, then the footer's from the year before `from`'s (so the type in
    /// effect at `from` is known) to the year after `through`'s.
    private func timeline(from: Int64, through: Int64) -> [(instant: Int64, type: LocalTimeType)] {
        guard let footer else { return explicit }
        let lastExplicit = explicit.last?.instant
        var result = explicit
        if footer.daylight == nil {
            // A fixed footer applies from the last transition on (or from the start when there is none).
            if let lastExplicit, explicit.last?.type != footer.standard { result.append((lastExplicit + 1, footer.standard)) }
            return result
        }
        let firstYear = max(lastExplicit.map(TimeZoneRules.year(of:)) ?? CivilDate.earliest.year, TimeZoneRules.year(of: from) - 1)
        let lastYear = min(CivilDate.latest.year, TimeZoneRules.year(of: through) + 1)
        guard firstYear <= lastYear else { return result }
        for year in firstYear...lastYear {
            for (instant, type) in footer.transitions(in: year) where lastExplicit.map({ instant > $0 }) ?? true {
                result.append((instant, type))
            }
        }
        return result
    }

    static func year(of instant: Int64) -> Int {
        let days = instant >= 0 ? instant / 86_400 : (instant - 86_399) / 86_400
        let clamped = min(max(days, Int64(CivilDate.earliest.daysSinceEpoch)), Int64(CivilDate.latest.daysSinceEpoch))
        return CivilDate(daysSinceEpoch: clamped)?.year ?? 1970
    }
}

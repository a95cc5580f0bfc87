import MentorRuntime
import MentorSyntax
import PropertyBased
import Testing

/// Generators of weekday pins and of cadences whose month-based phases now and then keep one.
enum WeekdayGen {
    static let pin = zip(Gen.int(in: 0..<WeekdayPin.Ordinal.allCases.count), Gen.int(in: 1...7))
        .map { WeekdayPin(ordinal: WeekdayPin.Ordinal.allCases[$0.0], weekday: $0.1)! }

    static let date = Gen.int(
        in: Int(CivilDate(year: 1600, month: 1, day: 1)!.daysSinceEpoch)...Int(CivilDate(year: 9000, month: 12, day: 31)!.daysSinceEpoch)
    ).map { CivilDate(daysSinceEpoch: $0)! }

    /// `ScheduleGen.cadence` with a pin on about half of the phases in months or years.
    static let cadence = zip(ScheduleGen.cadence, zip(pin.array(of: 4...4), Gen.bool(0.5).array(of: 4...4))).map { pieces in
        let (cadence, (pins, pinned)) = pieces
        return Cadence(phases: cadence.phases.enumerated().map { index, phase in
            let keepsWeekday = phase.interval.kind == .month && pinned[index]
            return CadencePhase(interval: phase.interval, limit: phase.limit, pin: keepsWeekday ? pins[index] : nil)
        })!
    }

    static let policy = Gen.bool(0.5).map { $0 ? WeekendPolicy.move : .keep }
}

@Suite struct WeekdayCalendarPropertyTests {
    /// The pinned day is that weekday, in the same month, and the ordinal-th (or last) of it there.
    @Test func thePinnedDayIsTheOrdinalWeekdayOfTheMonth() async {
        await propertyCheck(count: 500, input: WeekdayGen.pin, WeekdayGen.date) { pin, date in
            let day = pin.day(inMonthOf: date)
            #expect(day.weekday == pin.weekday)
            #expect(day.year == date.year && day.month == date.month)
            let daysInMonth = CivilDate.daysInMonth(year: day.year, month: day.month)
            if pin.ordinal == .last {
                #expect(day.day + 7 > daysInMonth)
            } else {
                #expect((day.day - 1) / 7 + 1 == pin.ordinal.rawValue)
            }
        }
    }

    /// The first pinned day on or after a date is not before it, and no pinned day lies between.
    @Test func theFirstPinnedDayIsTheNextOne() async {
        await propertyCheck(count: 500, input: WeekdayGen.pin, WeekdayGen.date) { pin, date in
            guard let first = pin.firstDay(onOrAfter: date) else { return }
            #expect(first >= date)
            #expect(first == pin.day(inMonthOf: first))
            // Every day from `date` up to `first` that is a pinned day would have been chosen.
            var day = date
            while day < first {
                #expect(day != pin.day(inMonthOf: day))
                day = day.adding(days: 1)!
            }
        }
    }

    /// A pinned phase's sessions all keep the weekday, one a month interval apart, and the
    /// schedule keeps its order and bounds.
    @Test func pinnedPhasesKeepTheirWeekday() async {
        await propertyCheck(count: 300, input: WeekdayGen.cadence, ScheduleGen.start, ScheduleGen.term) { cadence, start, term in
            let end = start.adding(days: Int64(term))!
            let result = Schedule.sessions(cadence: cadence, start: start, end: end)
            #expect(zip(result.dates, result.dates.dropFirst()).allSatisfy { $0 < $1 })
            #expect(result.dates.allSatisfy { start <= $0 && $0 < end })
            for (phase, range) in zip(cadence.phases, result.phaseRanges) {
                guard let pin = phase.pin else { continue }
                let sessions = Array(result.dates[range])
                #expect(sessions.allSatisfy { $0 == pin.day(inMonthOf: $0) })
                let months = sessions.map { $0.year * 12 + $0.month }
                let step = Int(phase.interval.normalizedAmount!)
                #expect(zip(months, months.dropFirst()).allSatisfy { $1 - $0 == step })
            }
        }
    }

    /// With `move`, sessions stay ordered and before the end, none falls on a weekend unless
    /// neither the Monday after nor the Friday before is allowed, each lies within two days of
    /// a date the cadence computed, and `keep` changes nothing.
    @Test func movingOffWeekendsKeepsTheScheduleValid() async {
        await propertyCheck(count: 300, input: WeekdayGen.cadence, ScheduleGen.start, ScheduleGen.term) { cadence, start, term in
            let end = start.adding(days: Int64(term))!
            let nominal = Schedule.sessions(cadence: cadence, start: start, end: end)
            #expect(Schedule.sessions(cadence: cadence, start: start, end: end, weekends: .keep) == nominal)
            let moved = Schedule.sessions(cadence: cadence, start: start, end: end, weekends: .move)
            #expect(zip(moved.dates, moved.dates.dropFirst()).allSatisfy { $0 < $1 })
            #expect(moved.dates.allSatisfy { start <= $0 && $0 < end })
            #expect(moved.dates.count <= nominal.dates.count)
            #expect(moved.issues == nominal.issues)
            #expect(moved.phaseRanges.count == nominal.phaseRanges.count)
            #expect(moved.phaseRanges.last?.upperBound ?? 0 == moved.dates.count)
            for date in moved.dates {
                #expect(nominal.dates.contains { abs(date.days(since: $0)) <= 2 })
                if date.weekday >= 6 {
                    let monday = date.adding(days: Int64(8 - date.weekday))!
                    let friday = date.adding(days: Int64(5 - date.weekday))!
                    #expect(monday >= end && friday < start)
                }
            }
            // Every nominal weekday session is still there.
            let kept = Set(moved.dates)
            #expect(nominal.dates.filter { $0.weekday <= 5 }.allSatisfy { kept.contains($0) })
        }
    }

    /// Pinned reviews fall on the pinned day of the month of `start + k × interval`, each after
    /// the start and on or before the end, and no further one would fit.
    @Test func pinnedReviewsKeepTheirWeekday() async {
        await propertyCheck(count: 300, input: WeekdayGen.pin, Gen.int(in: 1...12), ScheduleGen.start, ScheduleGen.term) { pin, months, start, term in
            let end = start.adding(days: Int64(term))!
            let interval = CalendarDuration.months(Int64(months))
            let reviews = Schedule.reviews(every: interval, pin: pin, start: start, end: end)
            for (index, review) in reviews.enumerated() {
                #expect(review == pin.day(inMonthOf: start.adding(months: Int64(months * (index + 1)))!))
                #expect(start < review && review <= end)
            }
            if let next = start.adding(months: Int64(months * (reviews.count + 1))) { #expect(pin.day(inMonthOf: next) > end) }
        }
    }

    /// Moved reviews stay after the start and on or before the end, in order, off weekends
    /// whenever a weekday is allowed.
    @Test func movedReviewsStayWithinTheAgreement() async {
        await propertyCheck(count: 300, input: ScheduleGen.interval, ScheduleGen.start, ScheduleGen.term) { interval, start, term in
            let end = start.adding(days: Int64(term))!
            let nominal = Schedule.reviews(every: interval, start: start, end: end)
            let moved = Schedule.reviews(every: interval, start: start, end: end, weekends: .move)
            #expect(zip(moved, moved.dropFirst()).allSatisfy { $0 < $1 })
            #expect(moved.allSatisfy { start <= $0 && $0 <= end })
            #expect(moved.count <= nominal.count)
            for date in moved where date.weekday >= 6 {
                #expect(date.adding(days: Int64(8 - date.weekday))! > end && date.adding(days: Int64(5 - date.weekday))! < start)
            }
        }
    }
}

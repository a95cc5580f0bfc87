import MentorDiagnostics

/// `mentor export --format json`: the resolved data of one agreement or of the whole
/// programme, in the shape docs/export.md and docs/export.schema.json define. Keys are
/// written in a fixed order, so equal programmes give byte-identical output.
struct JSONExporter {
    /// The `format` member that tells consumers what they are reading.
    static let formatName = "mentor-export"
    /// The shape's version; raised only when a consumer could misread the new shape.
    static let version = 1

    let today: CivilDate

    /// One agreement.
    func render(_ agreement: ExportedAgreement) -> String {
        document { json in
            json.object("agreement") { write(agreement, into: &$0) }
        }
    }

    /// The whole programme.
    func render(_ programme: ExportedProgramme) -> String {
        document { json in
            json.key("program")
            if let program = programme.program {
                json.object { json in
                    json.field("title", program.title)
                    duration("term", program.term, &json)
                    cadence("cadence", program.cadence, &json)
                    duration("session_length", program.sessionLength, &json)
                    json.field("max_mentees", program.maxMentees.map { Int($0) })
                    cadence("review", program.review, &json)
                }
            } else {
                json.null()
            }
            json.array("competencies") { json in
                for competency in programme.competencies {
                    json.object { json in
                        json.field("id", competency.id)
                        json.field("title", competency.title)
                        json.field("description", competency.description)
                        strings("requires", competency.requires, &json)
                    }
                }
            }
            json.array("pathways") { json in
                for pathway in programme.pathways {
                    json.object { json in
                        json.field("id", pathway.id)
                        json.field("title", pathway.title)
                        json.field("description", pathway.description)
                        json.array("steps") { json in
                            for step in pathway.steps {
                                json.object { json in
                                    json.field("id", step.id)
                                    json.field("title", step.title)
                                    strings("competencies", step.competencies, &json)
                                }
                            }
                        }
                    }
                }
            }
            json.array("people") { json in
                for person in programme.people {
                    json.object { json in
                        json.field("id", person.id)
                        json.field("name", person.name)
                        json.field("email", person.email)
                        json.field("supervisor", person.supervisor)
                        json.field("pathway", person.pathway)
                        json.array("completed") { json in
                            for (step, date) in person.completed {
                                json.object { json in
                                    json.field("step", step)
                                    json.field("date", date.description)
                                }
                            }
                        }
                        strings("competencies", person.competencies, &json)
                        json.field("credentialed", person.credentialed)
                        json.field("progress", person.progress)
                    }
                }
            }
            json.array("agreements") { json in
                for agreement in programme.agreements { json.object { write(agreement, into: &$0) } }
            }
        }
    }

    private func document(_ body: (inout JSONWriter) -> Void) -> String {
        var json = JSONWriter(pretty: true)
        json.object { json in
            json.field("format", JSONExporter.formatName)
            json.field("version", JSONExporter.version)
            json.field("today", today.description)
            body(&json)
        }
        return json.output + "\n"
    }

    private func write(_ a: ExportedAgreement, into json: inout JSONWriter) {
        json.field("id", a.id)
        json.field("title", a.title)
        person("mentor", a.mentor, &json)
        person("mentee", a.mentee, &json)
        person("co_mentor", a.coMentor, &json)
        json.field("start", a.start.description)
        json.field("end", a.end.description)
        duration("term", a.term, &json)
        duration("extension", a.extensionLength, &json)
        cadence("cadence", a.cadence, &json)
        duration("session_length", a.sessionLength, &json)
        strings("channels", a.channels, &json)
        json.field("contact", a.contact)
        json.field("booking", a.booking)
        duration("notice", a.notice, &json)
        json.key("confidential")
        switch a.confidential {
        case .bool(let flag): json.bool(flag)
        case .string(let limits): json.string(limits)
        default: json.null()
        }
        json.field("scope", a.scope)
        strings("off_limits", a.offLimits, &json)
        cadence("review", a.review, &json)
        json.field("ending", a.ending)
        duration("inactivity", a.inactivity, &json)
        json.array("signed") { json in
            for (person, date) in a.signed {
                json.object { json in
                    json.field("person", person)
                    json.field("date", date.description)
                }
            }
        }
        strings("held", a.held.map(\.description), &json)
        json.key("closed")
        if let closed = a.closed {
            json.object { json in
                json.field("on", closed.on.description)
                json.field("reason", closed.reason)
            }
        } else {
            json.null()
        }
        json.field("status", a.status)
        json.key("agenda")
        if let agenda = a.agenda {
            json.object { json in
                json.field("id", agenda.id)
                json.field("title", agenda.title)
                json.field("at", agenda.at?.description)
                strings("closing", agenda.closing, &json)
            }
        } else {
            json.null()
        }
        json.array("goals") { json in
            for goal in a.goals {
                json.object { json in
                    json.field("id", goal.id)
                    json.field("title", goal.title)
                    json.field("measure", goal.measure)
                    json.key("target")
                    switch goal.target {
                    case .number(.integer(let value)): json.number(Int(value))
                    case .number(let number): json.number(number.doubleValue)
                    case .string(let text): json.string(text)
                    default: json.null()
                    }
                    json.field("target_text", goal.target.isNone ? nil : MarkdownExporter.target(goal.target))
                    json.field("due", goal.due?.description)
                    strings("competencies", goal.competencies, &json)
                }
            }
        }
        json.array("sessions") { json in
            for session in a.sessions {
                json.object { json in
                    json.field("number", session.number)
                    json.field("date", session.date.description)
                    json.field("time", session.time?.description)
                    duration("length", session.length, &json)
                    json.field("title", session.title)
                    strings("topics", session.topics, &json)
                    strings("actions", session.actions, &json)
                }
            }
        }
        strings("reviews", a.reviews.map(\.description), &json)
    }

    private func person(_ key: String, _ person: ExportedPerson?, _ json: inout JSONWriter) {
        json.key(key)
        guard let person else { return json.null() }
        json.object { json in
            json.field("id", person.id)
            json.field("name", person.name)
            json.field("email", person.email)
        }
    }

    /// `{"amount": 60, "unit": "minutes"}`: the unit as written, since months and days do not convert.
    private func duration(_ key: String, _ duration: CalendarDuration?, _ json: inout JSONWriter) {
        json.key(key)
        guard let duration else { return json.null() }
        json.object { json in
            json.field("amount", Int(duration.amount))
            json.field("unit", duration.unit.plural)
        }
    }

    private func cadence(_ key: String, _ cadence: Cadence?, _ json: inout JSONWriter) {
        json.key(key)
        guard let cadence else { return json.null() }
        json.object { json in
            json.field("text", cadence.description)
            json.array("phases") { json in
                for phase in cadence.phases {
                    json.object { json in
                        self.duration("every", phase.interval, &json)
                        self.duration("for", phase.limit, &json)
                    }
                }
            }
        }
    }

    private func strings(_ key: String, _ items: [String], _ json: inout JSONWriter) {
        json.array(key) { json in for item in items { json.string(item) } }
    }
}

extension Value {
    /// True for `none`.
    var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}

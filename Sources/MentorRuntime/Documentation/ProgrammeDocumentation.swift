import MentorDiagnostics

/// What `mentor doc` documents of a programme, read through the schema rows and the
/// declarations' `///` comments: the defaults, the competencies and their prerequisites, the
/// pathways' steps and the rules in force. The Markdown and HTML pages are two renderings of it.
public struct ProgrammeDocumentation: Sendable {
    /// One documented declaration: its name, title and `///` comment.
    public struct Item: Sendable {
        /// The declared name (`std.smart_goals` for a standard rule).
        public var id: String
        /// The title, if given.
        public var title: String?
        /// The `///` comment, if any.
        public var doc: String?
    }

    /// A programme default: the field, its value in source syntax (nil when not given) and what it means.
    public struct Default: Sendable {
        /// The field's name.
        public var name: String
        /// The value as written, nil when the programme does not give it.
        public var value: String?
        /// The schema row's one-line doc.
        public var meaning: String
    }

    /// A competency and the competencies it requires.
    public struct Competency: Sendable {
        /// Its name, title and doc comment.
        public var item: Item
        /// Its `description`.
        public var description: String?
        /// The names of the competencies it requires.
        public var requires: [String]
    }

    /// A pathway and its steps in order.
    public struct Pathway: Sendable {
        /// Its name, title and doc comment.
        public var item: Item
        /// Its `description`.
        public var description: String?
        /// Its steps, each with the competencies it covers.
        public var steps: [(item: Item, competencies: [String])]
    }

    /// A rule: its name, title, doc comment and severity.
    public struct Rule: Sendable {
        /// Its name, title and doc comment.
        public var item: Item
        /// True for a `warning` rule.
        public var isWarning: Bool
    }

    /// The programme's title, if it has one.
    public var title: String?
    /// The `program` declaration's `///` comment.
    public var doc: String?
    /// True when the programme has a `program` declaration.
    public var hasProgram: Bool
    /// Every programme field, given or not.
    public var defaults: [Default]
    /// The competencies, in declaration order.
    public var competencies: [Competency]
    /// The pathways, in declaration order.
    public var pathways: [Pathway]
    /// The programme's own rules.
    public var rules: [Rule]
    /// The standard rules (`import std`), empty when not imported.
    public var standardRules: [Rule]

    /// The page's heading: the programme's title, else a generic one.
    public var heading: String { title ?? "Mentoring programme" }

    /// Mermaid's `graph TD` of the prerequisites: one node per competency, an edge from each
    /// required competency to the one requiring it.
    public var mermaidGraph: String {
        var lines = ["graph TD"]
        for competency in competencies {
            let label = (competency.item.title ?? competency.item.id)
                .unicodeScalars.filter { !DisplayText.isControl($0) && $0 != "\"" && $0 != "\n" && $0 != "\r" }
            lines.append("  \(competency.item.id)[\"\(String(String.UnicodeScalarView(label)))\"]")
        }
        for competency in competencies {
            for required in competency.requires { lines.append("  \(required) --> \(competency.item.id)") }
        }
        return lines.joined(separator: "\n")
    }
}

extension Engine {
    /// The documentation of the loaded programme (after `load` succeeded), or the runtime
    /// error that stopped reading a field.
    public func documentation() -> Result<ProgrammeDocumentation, ExportFailure> {
        withLargeStack {
            interpreter.resetBudget()
            let reader = ExportReader(model: model, interpreter: interpreter)
            func item(_ entity: EntityRef, id: String? = nil) -> ProgrammeDocumentation.Item {
                .init(id: id ?? model.name(of: entity), title: model.title(of: entity), doc: model.site(of: entity).docComment)
            }
            do {
                let program = model.entities(of: .program).first
                var defaults: [ProgrammeDocumentation.Default] = []
                for case .field(let row) in ProgramField.rows {
                    var value: String?
                    if let program {
                        let given = try reader.value(program, row)
                        if case .none = given {} else { value = given.sourceText(truncatedTo: 1_000, in: model.store) }
                    }
                    defaults.append(.init(name: row.name, value: value, meaning: row.doc))
                }
                let competencies = try model.entities(of: .competency).map { competency in
                    ProgrammeDocumentation.Competency(item: item(competency),
                                                      description: try reader.string(competency, CompetencyField.description),
                                                      requires: try reader.names(competency, CompetencyField.requires))
                }
                let pathways = try model.entities(of: .pathway).map { pathway in
                    ProgrammeDocumentation.Pathway(
                        item: item(pathway), description: try reader.string(pathway, PathwayField.description),
                        steps: try model.children(of: pathway).map { (item($0), try reader.names($0, StepField.competencies)) })
                }
                let standard = names.standardRules.map(\.entity)
                let rules = model.entities(of: .rule)
                func rule(_ entity: EntityRef) -> ProgrammeDocumentation.Rule {
                    .init(item: item(entity, id: ruleName(entity)), isWarning: model.site(of: entity).isWarning)
                }
                return .success(ProgrammeDocumentation(
                    title: program.flatMap(model.title), doc: program.flatMap { model.site(of: $0).docComment }, hasProgram: program != nil, defaults: defaults,
                    competencies: competencies, pathways: pathways,
                    rules: rules.filter { rule in !standard.contains { $0.index == rule.index } }.map(rule),
                    standardRules: standard.map(rule)))
            } catch let error as RuntimeError {
                return .failure(ExportFailure(diagnostics: [error.diagnostic], isUsageError: false))
            } catch {
                return .failure(ExportFailure(diagnostics: [], isUsageError: false))
            }
        }
    }
}

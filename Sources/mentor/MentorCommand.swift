import ArgumentParser
import MentorRuntime

/// The `mentor` command: a thin front door over the shared engine.
@main
struct MentorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentor",
        abstract: "The Mentor language: check, run, test and explore mentoring programmes.",
        version: mentorVersion
    )
}

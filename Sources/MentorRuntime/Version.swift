/// The version printed by `mentor --version`.
public let mentorVersion = "0.1.0"

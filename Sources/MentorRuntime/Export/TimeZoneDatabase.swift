#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MentorDiagnostics

/// The system's time-zone database: a folder of TZif files named like `Europe/Berlin`.
public struct TimeZoneDatabase: Sendable {
    /// Where the database is looked for when neither `--zoneinfo` nor `TZDIR` says otherwise.
    public static let defaultDirectory = "/usr/share/zoneinfo"

    /// Why a zone could not be loaded.
    public enum LookupError: Error, Sendable, Equatable {
        /// The database folder does not exist or cannot be read.
        case databaseMissing(directory: String)
        /// No such zone; `suggestions` are names the user may have meant.
        case unknownZone(suggestions: [String])
        /// The zone's file is not valid TZif.
        case invalidFile(path: String, reason: String)
    }

    /// The database folder.
    public let directory: String

    /// A database in `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// The rules of zone `name`.
    public func rules(for name: String) throws(LookupError) -> TimeZoneRules {
        guard isDirectory(directory) else { throw .databaseMissing(directory: directory) }
        guard TimeZoneDatabase.isZoneName(name) else { throw .unknownZone(suggestions: suggestions(for: name)) }
        let path = directory + "/" + name
        guard !isDirectory(path), case .success(let bytes) = FileSystemReader().readBytes(path) else {
            throw .unknownZone(suggestions: suggestions(for: name))
        }
        guard bytes.starts(with: Array("TZif".utf8)) else { throw .unknownZone(suggestions: suggestions(for: name)) }
        do {
            return try TZifParser.parse(bytes, name: name)
        } catch {
            throw .invalidFile(path: path, reason: error.reason)
        }
    }

    /// A zone name is path components of letters, digits, `_`, `-` and `+`, none starting with
    /// `.`; anything else (`..`, an absolute path) could leave the database.
    static func isZoneName(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("/") else { return false }
        for component in name.split(separator: "/", omittingEmptySubsequences: false) {
            guard let first = component.utf8.first, first != UInt8(ascii: "."), first != UInt8(ascii: "-") else { return false }
            for byte in component.utf8 {
                let allowed = (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                guard allowed else { return false }
            }
        }
        return true
    }

    /// Zone names close to `name`, from the files of the database.
    private func suggestions(for name: String) -> [String] {
        NameSuggester.suggestions(for: name, among: zoneNames())
    }

    /// The names of the zones in the database, sorted; the `posix/` and `right/` copies and
    /// files such as `zone.tab` (lowercase first letter) are left out.
    public func zoneNames() -> [String] {
        var names: [String] = []
        collect(prefix: "", into: &names, depth: 0)
        return names.sorted()
    }

    private func collect(prefix: String, into names: inout [String], depth: Int) {
        guard depth < 4, let handle = opendir(prefix.isEmpty ? directory : directory + "/" + prefix) else { return }
        var entries: [String] = []
        while let entry = readdir(handle) {
            let entryName = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            entries.append(entryName)
        }
        closedir(handle)
        for entryName in entries {
            guard let first = entryName.unicodeScalars.first, ("A"..."Z").contains(first) else { continue }
            if prefix.isEmpty, entryName == "posix" || entryName == "right" { continue }
            let relative = prefix.isEmpty ? entryName : prefix + "/" + entryName
            if isDirectory(directory + "/" + relative) {
                collect(prefix: relative, into: &names, depth: depth + 1)
            } else if TimeZoneDatabase.isZoneName(relative) {
                names.append(relative)
            }
        }
    }

    private func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

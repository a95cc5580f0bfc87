#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MentorSource

extension Engine {
    /// Gives back the text of each of `files` that is a regular file on disk, to be read again
    /// from there for the lines a diagnostic shows (`SourceFile.giveBackText`). Called between
    /// parsing and declaring: nothing after parsing reads a file's text but a lambda's source
    /// (shown when it is printed), a test's failed expectation and the diagnostics.
    /// The standard library (its text is the binary's), standard input, pipes and devices
    /// keep theirs: they cannot be read again.
    static func giveBackTexts(of files: [SourceFile]) {
        for file in files where file.path != StandardLibrary.path {
            var info = stat()
            guard stat(file.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let path = file.path
            // Regular files only, as above: a path swapped for a pipe since must not block the read.
            file.giveBackText { try? FileSystemReader(acceptsSpecialFiles: false).readBytes(path).get() }
        }
    }
}

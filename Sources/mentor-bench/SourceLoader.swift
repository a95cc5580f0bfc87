#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import MentorDiagnostics
import MentorSource

/// Reads benchmark inputs into memory before any timing starts, so I/O never counts.
enum SourceLoader {
    /// The files at `paths` as `SourceFile`s, or a message naming the first unreadable one.
    static func load(_ paths: [String]) -> Result<[SourceFile], LoadFailure> {
        var files: [SourceFile] = []
        for (index, path) in paths.enumerated() {
            guard let bytes = readAll(path) else { return .failure(LoadFailure(path: path)) }
            files.append(SourceFile(id: FileID(UInt32(index)), path: path, bytes: bytes))
        }
        return .success(files)
    }

    private static func readAll(_ path: String) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count { return ferror(handle) == 0 ? bytes : nil }
        }
    }
}

/// A benchmark input that could not be read.
struct LoadFailure: Error {
    let path: String
}

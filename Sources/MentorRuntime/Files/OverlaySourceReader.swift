/// Reads sources from texts held in memory first (an editor's unsaved buffers), then from
/// disk, so a programme can be built from what the user sees rather than what was saved.
public struct OverlaySourceReader: SourceReader {
    /// The texts by lexically normalised path.
    public let overlays: [String: [UInt8]]
    /// Reads every path without an overlay.
    public let disk: FileSystemReader

    /// Creates a reader; `overlays` are keyed by path and normalised here.
    public init(overlays: [String: [UInt8]], disk: FileSystemReader = FileSystemReader()) {
        var normalized: [String: [UInt8]] = [:]
        for (path, bytes) in overlays { normalized[LexicalPath.normalized(path)] = bytes }
        self.overlays = normalized
        self.disk = disk
    }

    /// The overlay's text of `path`, else the file's bytes on disk.
    public func read(_ path: String) -> Result<[UInt8], ReadError> {
        if let bytes = overlays[LexicalPath.normalized(path)] {
            if let reason = BinaryContent.reason(bytes) { return .failure(ReadError(reason: reason)) }
            return .success(bytes)
        }
        return disk.read(path)
    }

    /// The real path on disk; a path the disk cannot resolve (a buffer never saved) is
    /// normalised lexically, so it is still loaded once however an import spells it.
    public func canonicalPath(_ path: String) -> String {
        let resolved = disk.canonicalPath(path)
        return resolved == path ? LexicalPath.normalized(path) : resolved
    }
}

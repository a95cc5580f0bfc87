import MentorRuntime
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading standard input, which may be a pipe or device that never ends (`yes | mentor`).
enum StandardInput {
    /// The failure for input over the file size limit, worded as for a file.
    static let tooLarge = ReadError(reason: "file larger than \(FileSystemReader.maxFileSize >> 20) MiB")

    /// At most `limit` bytes of `descriptor`, read chunk by chunk, or the reason a read failed
    /// (`mentor < folder`: `Is a directory`).
    static func read(_ descriptor: Int32, limit: Int) -> Result<[UInt8], ReadError> {
        do {
            return .success(try POSIXFile.readAll(descriptor, path: "<stdin>", limit: limit))
        } catch {
            return .failure(ReadError(reason: error.reason))
        }
    }
}

/// The descriptors 0, 1 and 2 as the process found them.
enum StandardStreams {
    /// Opens `/dev/null` on each of 0, 1 and 2 that is closed, and returns which were. Else the
    /// next file opened would take the number, and output meant for the closed standard output
    /// would be written into it (into a temporary file of `fmt -w`, say).
    static func reserveClosedDescriptors() -> Set<Int32> {
        var closed: Set<Int32> = []
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
            closed.insert(descriptor)
            let placeholder = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if placeholder >= 0, placeholder != descriptor {
                _ = dup2(placeholder, descriptor)
                close(placeholder)
            }
        }
        return closed
    }
}

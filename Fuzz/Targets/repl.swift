import MentorFuzzing

/// libFuzzer's entry point for the `repl` target (built by Scripts/fuzz).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.repl.fuzz(data, size)
}

import MentorFuzzing

/// libFuzzer's entry point for the `queries` target (built by Scripts/fuzz).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.queries.fuzz(data, size)
}

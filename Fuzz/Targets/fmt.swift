import MentorFuzzing

/// libFuzzer's entry point for the `fmt` target (built by Scripts/fuzz).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTarget.fmt.fuzz(data, size)
}

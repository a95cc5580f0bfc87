// swift-tools-version: 6.0
import PackageDescription

// Each target lists every module it imports, not only what reaches it transitively.
// Library targets follow the architecture brief: sources at the bottom (MentorSource: files,
// spans, the lock, the large-stack thread, system calls; no dependencies), diagnostics and
// syntax above it, one runtime engine above them, and thin front doors (REPL, the `mentor`
// command) on top.
let package = Package(
    name: "mentor",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mentor", targets: ["mentor"]),
        .library(name: "MentorRuntime", targets: ["MentorRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(name: "MentorSource"),
        .target(name: "MentorDiagnostics", dependencies: ["MentorSource"]),
        .target(name: "MentorSyntax", dependencies: ["MentorSource", "MentorDiagnostics"]),
        .target(name: "MentorRuntime", dependencies: ["MentorSource", "MentorSyntax", "MentorDiagnostics"]),
        .target(
            name: "CEditLine",
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]
        ),
        .target(name: "MentorLSP", dependencies: ["MentorSource", "MentorDiagnostics", "MentorSyntax", "MentorRuntime"]),
        .target(name: "MentorREPL", dependencies: ["CEditLine", "MentorSource", "MentorDiagnostics", "MentorSyntax", "MentorRuntime"]),
        .target(
            name: "MentorCLI",
            dependencies: [
                "MentorSource", "MentorDiagnostics", "MentorSyntax", "MentorRuntime", "MentorREPL", "MentorLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Release builds link the Swift runtime statically: loading libswiftCore, Foundation-
        // Essentials (pulled in by swift-argument-parser) and a dozen other shared libraries
        // was about 5 ms of a 12 ms `mentor check` of a small file (docs/performance-check.md).
        // lld, because it ignores glibc's link-time notices about `mktemp` inside the static
        // FoundationEssentials, which gold prints as warnings on every build.
        // mimalloc (Debian's libmimalloc-dev, installed by Scripts/lib/setup.sh) replaces malloc
        // for the whole process: checking 100,000 agreements took a quarter less CPU and a fifth
        // less peak memory than glibc's malloc (docs/performance.md, "Allocator").
        .executableTarget(
            name: "mentor", dependencies: ["MentorCLI"],
            linkerSettings: [
                .unsafeFlags(["-static-stdlib", "-use-ld=lld", "-l_FoundationCollections", "-l_FoundationCShims"], .when(configuration: .release)),
                .linkedLibrary("mimalloc", .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        // The properties the fuzz targets check (Fuzz/Targets, Scripts/fuzz), shared with the
        // regression tests that replay saved findings; not shipped as a product.
        .target(name: "MentorFuzzing", dependencies: ["MentorSource", "MentorDiagnostics", "MentorSyntax", "MentorRuntime", "MentorREPL"]),
        // Times the lexer and parser for Scripts/bench; not shipped as a product.
        .executableTarget(name: "mentor-bench", dependencies: ["MentorSource", "MentorDiagnostics", "MentorSyntax"]),
        .testTarget(name: "MentorDiagnosticsTests", dependencies: ["MentorSource", "MentorDiagnostics"]),
        .testTarget(
            name: "MentorSyntaxTests",
            dependencies: [
                "MentorSource", "MentorDiagnostics", "MentorSyntax",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "MentorRuntimeTests",
            dependencies: [
                "MentorSource", "MentorDiagnostics", "MentorSyntax", "MentorRuntime",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "MentorCLITests", dependencies: ["MentorCLI", "MentorDiagnostics", "MentorRuntime"]),
        .testTarget(name: "MentorREPLTests", dependencies: ["MentorREPL", "MentorRuntime"]),
        .testTarget(name: "MentorFuzzingTests", dependencies: ["MentorFuzzing"]),
        .testTarget(name: "MentorLSPTests", dependencies: ["MentorSource", "MentorRuntime", "MentorLSP"]),
    ],
    swiftLanguageModes: [.v6]
)

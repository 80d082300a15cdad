// The fuzz executable: `make fuzz` builds it with libFuzzer (-sanitize=fuzzer,address) in its own scratch folder
// and runs each target for a bounded time. SwiftPM's generated entry point would run instead of libFuzzer's, so
// this `main` hands over to libFuzzer's driver itself.
//
//   achyk-fuzz TARGET [libFuzzer options] [corpus folders]
//   TARGET: front-matter | page | site-yaml | budget-csv | workbook | amount | municipality | names
import AchykContent
import Foundation

typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: TestOneInput
) -> Int32

let targets: [String: TestOneInput] = [
    "front-matter": { data, size in
        FuzzEntryPoints.splitFrontMatter(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    },
    "page": { data, size in
        FuzzEntryPoints.readPage(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    },
    "site-yaml": { data, size in
        FuzzEntryPoints.readSiteSettings(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    },
    "budget-csv": { data, size in
        FuzzEntryPoints.readBudgetCSV(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    },
    "workbook": { data, size in
        FuzzEntryPoints.readWorkbook(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    },
    "amount": { data, size in
        FuzzEntryPoints.parseAmount(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    },
    "municipality": { data, size in
        FuzzEntryPoints.readMunicipality(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    },
    "names": { data, size in
        FuzzEntryPoints.readNames(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    },
]

/// libFuzzer's runtime also carries a `main` that calls `LLVMFuzzerTestOneInput`, so the symbol must exist; it
/// forwards to the target chosen on the command line (this `main` runs, not libFuzzer's).
nonisolated(unsafe) var selectedTarget: TestOneInput?

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selectedTarget?(data, size) ?? 0
}

var arguments = CommandLine.arguments
guard arguments.count >= 2, let target = targets[arguments[1]] else {
    FileHandle.standardError.write(Data("usage: achyk-fuzz \(targets.keys.sorted().joined(separator: "|")) [libFuzzer options]\n".utf8))
    exit(2)
}
arguments.remove(at: 1)
selectedTarget = target
var argc = Int32(arguments.count)
var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
let status = cArguments.withUnsafeMutableBufferPointer { buffer -> Int32 in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &argv, target)
}
exit(status)

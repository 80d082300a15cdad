@testable import AchykQR
import Testing

/// Known answers made with python-qrcode (forced to the mask chosen here) and checked against Nayuki's qrcodegen, which
/// chooses the same masks; every code was also decoded by zbarimg. Rows are hexadecimal, left-aligned, padded with 0.
struct KnownAnswer: Sendable, CustomTestStringConvertible {
    let text: String
    let version: Int
    let mask: Int
    let rows: [String]

    var testDescription: String { "version \(version): \(text.utf8.count) bytes" }
}

func hexRows(_ code: QRCode) -> [String] {
    (0..<code.size).map { y in
        var row = ""
        for x in stride(from: 0, to: code.size, by: 4) {
            var nibble = 0
            for bit in 0..<4 {
                nibble = nibble << 1 | (code[x + bit, y] ? 1 : 0)
            }
            row += String(nibble, radix: 16)
        }
        return row
    }
}

/// FNV-1a over the modules, one byte (0 or 1) each, for the codes too large to spell out.
func fingerprint(_ code: QRCode) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for module in code.modules {
        hash ^= module ? 1 : 0
        hash = hash &* 0x100_0000_01b3
    }
    return hash
}

@Suite struct QRCodeTests {
    static let knownAnswers: [KnownAnswer] = [
        // A budget page's address: 49 bytes.
        KnownAnswer(
            text: "https://example.org/ky/budgets/kazan-kuygan/2023/",
            version: 4, mask: 6, rows: [
                "fef4463f8", "82b634a08", "bacf06ae8",
                "ba6abe2e8", "baa982ae8", "823df1208",
                "feaaaabf8", "003581000", "9fc0614b8",
                "a587730f0", "9b1d856f8", "41ec3b530",
                "3e9542a18", "11fa7b900", "93275ca00",
                "488089468", "b27908fc0", "1113722a8",
                "0b7b73568", "503180ae0", "aee5b2958",
                "b4e4051a0", "96e03b638", "adc57bd30",
                "f79489fd8", "00f7c08b0", "fe83d3aa0",
                "82b8798f0", "bae7c9f90", "baeee7d18",
                "ba31511d8", "8246023b8", "febfc9b80",
            ]),
        // 122 bytes, version 7's capacity: the first version with version information.
        KnownAnswer(
            text: "https://example.org/ky/budgets/kazan-kuygan/2023/partnerships/jer-kazar-kant/settlements/?lang=ky&view=print&year=2023#top",
            version: 7, mask: 2, rows: [
                "fe4951564bf8", "8221d1a19208", "ba98481ad2e8",
                "bab47ac11ae8", "baa61fd33ae8", "82d648f48208",
                "feaaaaaaabf8", "00ff58ff9800", "be21eff313e0",
                "c942d34a9898", "db9e6ea1bf50", "4538309defe0",
                "1fb4e2c01308", "a007d4479808", "6b303fe5fb90",
                "05de25eedbe8", "1ea67b876618", "5ccb58525c68",
                "238ec9a072d0", "f026300a95b8", "0fa0efa32fd8",
                "38da888ad8e8", "fa8aaaec3ab0", "78d2b8bce8f8",
                "dfe9afe55fd8", "69f73f5f0a28", "c6ca2c747c70",
                "81ce3f9e9768", "7b58a9222ac8", "08e77b429a68",
                "e258a979f170", "a871b4cdb370", "ffaa604106c0",
                "546712c71c48", "0a9fac21fce0", "797bd3fbbbf8",
                "9ab3cfd10f80", "00c1e88a18e8", "fe243af43aa0",
                "82c6d8aad8f8", "ba952fc51fc0", "baebfd8f8198",
                "ba80c728fd10", "8269284ec5e0", "fea8b5811f10",
            ]),
        // Cyrillic letters are 2 bytes each: 36 bytes.
        KnownAnswer(
            text: "https://example.org/ky/бюджет/",
            version: 3, mask: 0, rows: [
                "fe26fbf8", "828bba08", "ba074ae8",
                "ba066ae8", "bacb92e8", "821d5a08",
                "feaaabf8", "006e0000", "aa5af890",
                "a4536a48", "5fd523b8", "40312c90",
                "ca981e58", "6d05e648", "cf7b25d8",
                "6c67ad50", "f6122e58", "499a0e68",
                "a755ce98", "6da901d0", "b2380f80",
                "00b5e8b8", "fe73bad8", "820688d0",
                "bab26f98", "ba5a6cb8", "ba9191c8",
                "82591a10", "febc1998",
            ]),
        // One byte.
        KnownAnswer(
            text: "a",
            version: 1, mask: 5, rows: [
                "fe5bf8", "82b208", "bad2e8",
                "bab2e8", "ba4ae8", "823208",
                "feabf8", "00c000", "82b670",
                "981dc8", "2e6b00", "559f50",
                "d3dff8", "00c828", "fe74f0",
                "822238", "ba74e0", "ba5f40",
                "ba5dd8", "823f40", "fea930",
            ]),
        // 189 bytes: version 10, the first whose count takes 16 bits.
        KnownAnswer(
            text: "https://example.org/ru/бюджеты/казан-куйган/2023/расходы/образование/школа-гимназия-номер-один/капитальный-ремонт/",
            version: 10, mask: 0, rows: [
                "fe2ee70c43d33f8", "82fe53300911208", "ba5802baadc72e8",
                "ba411ac8da812e8", "baaf5e7e1ec92e8", "82689362b20a208",
                "feaaaaaaaaaabf8", "00000f224448000", "aa541dff7127890",
                "a0607cdec4d0a48", "f2a0422b6d0c760", "556f29f454b4a30",
                "ff5343d376e7f68", "6c55c15e7ea6b58", "ca8abdf5336a6b8",
                "34352144458cce0", "bbd014f332e3c50", "c0a24bde2ed6d40",
                "73452decf58c4f0", "b1337f64cb4dae0", "530cc53621227b0",
                "6015099573f6560", "ae3dc2a6cb4d0b0", "f9983f2464dcd88",
                "a31bd9f2903b2d8", "28b0c2be2977e08", "8fbc833ef4ccfc0",
                "d8d4c4e2ada78b0", "5a8cc76a02f2ae8", "98b73fa334398c0",
                "6fad66beadf1ff0", "147bed6ba7c43f0", "aa5eaaae8af5a28",
                "4d10ae992263568", "4bcb861cef3e120", "31f090b15fa42b0",
                "97f257da2b91b68", "dcaa7a9263931e8", "b3ae6d1cd68e0c0",
                "35d2e9906542530", "0ab5bde956b39e8", "f43a54fd3ca3688",
                "d66a03fde766aa0", "ad0b42d1586a710", "7b3610352f3a548",
                "606c0b3feda2840", "a6d3052d49774b0", "f8ec81d444cd878",
                "03c133bf7027fd0", "00aa7ce34d718c8", "fe51972af4c8aa0",
                "822934a2d4cd8b0", "baee45be3202fe8", "ba2b6d297f560d0",
                "baecb3a6d48d468", "8273e1524cac370", "feb29b0f23c36b8",
            ]),
    ]

    @Test(arguments: knownAnswers)
    func codesMatchTheReference(_ expected: KnownAnswer) throws {
        let code = try QRCode.encode(expected.text)
        #expect(code.version == expected.version)
        #expect(code.size == 17 + 4 * expected.version)
        #expect(code.modules.count == code.size * code.size)
        #expect(code.mask == expected.mask)
        #expect(hexRows(code) == expected.rows)
    }

    /// Version 24 has alignment patterns on 5 × 5 positions and 20 blocks of two lengths; version 40 is full to the
    /// last byte.
    @Test func largeVersionsMatchTheReference() throws {
        let v24 = try QRCode.encode(String(repeating: "https://example.org/ky/бюджет/", count: 25))
        #expect(v24.version == 24 && v24.mask == 2)
        #expect(v24.modules.filter { $0 }.count == 6566)
        #expect(fingerprint(v24) == 0x158c_1325_00e8_b663)
        let text = String(String(repeating: "https://example.org/ky/budgets/kazan-kuygan/2023/", count: 48).prefix(2331))
        let v40 = try QRCode.encode(text)
        #expect(v40.version == 40 && v40.size == 177 && v40.mask == 2)
        #expect(v40.modules.filter { $0 }.count == 15980)
        #expect(fingerprint(v40) == 0x4b11_16b3_364c_37a9)
    }

    /// The capacities of byte mode at level M (ISO/IEC 18004, Table 7): the last byte that fits, and one more.
    @Test(arguments: [
        (14, 1), (15, 2), (106, 6), (107, 7), (122, 7), (123, 8), (180, 9), (181, 10), (213, 10), (214, 11),
        (2213, 39), (2214, 40), (2331, 40),
    ])
    func theSmallestVersionThatHoldsTheBytesIsChosen(_ bytes: Int, _ version: Int) throws {
        let code = try QRCode.encode(String(repeating: "a", count: bytes))
        #expect(code.version == version)
    }

    @Test func bytesOverTheCapacityOfVersion40AreTooLong() {
        #expect(throws: QRCode.EncodingError.tooLong(bytes: 2332)) {
            try QRCode.encode(String(repeating: "a", count: 2332))
        }
        // Bytes, not characters: ж is 2 bytes in UTF-8.
        #expect(throws: QRCode.EncodingError.tooLong(bytes: 2332)) {
            try QRCode.encode(String(repeating: "ж", count: 1166))
        }
    }

    @Test func outsideTheSymbolIsLight() throws {
        let code = try QRCode.encode("a")
        #expect(code[0, 0] && code[20, 0] && code[0, 20])
        #expect(!code[-1, 0] && !code[0, -1] && !code[21, 0] && !code[0, 21])
    }
}

@Suite struct QRCodeSVGTests {
    @Test func theSVGHasAQuietZoneAndAnEscapedLabel() throws {
        let svg = try QRCode.encode("a").svg(label: #"Budget & "plans" <2023> 'ky'"#)
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29" role="img" "#
            + #"aria-label="Budget &amp; &quot;plans&quot; &lt;2023&gt; &#39;ky&#39;">"#))
        #expect(svg.hasSuffix("\"/></svg>"))
        #expect(svg.split(separator: "<").count == 3)  // <svg, <path, </svg>
        #expect(svg.contains(#"shape-rendering="crispEdges""#))
    }

    @Test func controlCharactersAreLeftOutOfTheLabel() throws {
        let svg = try QRCode.encode("a").svg(label: "a\u{0}b\u{1B}c")
        #expect(svg.contains(#"aria-label="abc""#))
    }

    /// Reads the runs back from the path: every dark module is drawn once, and nothing else.
    @Test func thePathDrawsExactlyTheDarkModules() throws {
        let code = try QRCode.encode("https://example.org/ky/бюджет/")
        let svg = code.svg(label: "x")
        let pieces = svg.split(separator: "\"", omittingEmptySubsequences: false)
        let index = try #require(pieces.firstIndex(where: { $0.hasSuffix(" d=") }))
        let d = pieces[index + 1]
        let side = code.size + 8
        var drawn = [Int](repeating: 0, count: side * side)
        for run in d.split(separator: "M") {
            // "x yhNv1h-Nz"
            let numbers = run.split(whereSeparator: { $0 == " " || $0 == "h" || $0 == "v" || $0 == "z" })
                .compactMap { Int($0) }
            try #require(numbers.count == 5, "\(run)")
            let (x, y, width) = (numbers[0], numbers[1], numbers[2])
            #expect(width > 0 && numbers[3] == 1 && numbers[4] == -width)
            try #require(y >= 0 && y < side && x >= 0 && x + width <= side)
            for column in x..<(x + width) {
                drawn[y * side + column] += 1
            }
        }
        var expected = [Int](repeating: 0, count: side * side)
        for y in 0..<side {
            for x in 0..<side where code[x - 4, y - 4] {
                expected[y * side + x] = 1
            }
        }
        #expect(drawn == expected)
    }
}

/// The parts against published values: ISO/IEC 18004's tables, and the "HELLO WORLD" 1-M example of Thonky's QR code
/// tutorial for the error correction.
@Suite struct QRCodePartsTests {
    @Test func byteCapacitiesAreTheStandardsTable() {
        #expect((1...40).map { QRCode.byteCapacity(version: $0) } == [
            14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
            711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
        ])
    }

    @Test func dataIsPaddedWithEC11() {
        #expect(QRCode.dataCodewords([0x61], version: 1) == [64, 22, 16, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17, 236])
    }

    @Test func errorCorrectionOfHelloWorld() {
        let generator = ReedSolomon.generator(degree: 10)
        #expect(generator.map { ReedSolomon.logarithms[Int($0)] } == [251, 67, 46, 61, 118, 70, 64, 94, 32, 45])
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        #expect(ReedSolomon.remainder(data, generator: generator) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test func formatAndVersionInformation() {
        #expect((0..<8).map { Symbol.formatBits(mask: $0) } == [
            0b101010000010010, 0b101000100100101, 0b101111001111100, 0b101101101001011,
            0b100010111111001, 0b100000011001110, 0b100111110010111, 0b100101010100000,
        ])
        #expect(Symbol.versionBits(version: 7) == 0b000111110010010100)
        #expect(Symbol.versionBits(version: 40) == 0b101000110001101001)
    }

    @Test func alignmentPositionsAreTheStandardsTable() {
        #expect(Symbol.alignmentPositions(version: 1) == [])
        #expect(Symbol.alignmentPositions(version: 2) == [6, 18])
        #expect(Symbol.alignmentPositions(version: 7) == [6, 22, 38])
        #expect(Symbol.alignmentPositions(version: 32) == [6, 34, 60, 86, 112, 138])
        #expect(Symbol.alignmentPositions(version: 40) == [6, 30, 58, 86, 114, 142, 170])
    }

    /// Rules 1 and 3 for one line, as qrcodegen scores them: 1:1:3:1:1 at any scale, light beyond the symbol, each side.
    @Test(arguments: [
        ("000000000000000000000", 19),
        ("111111111111111111111", 19),
        ("101110100000000000000", 92),
        ("000000000000001011101", 92),
        ("000010111010000000000", 88),
        ("110011111100110000000", 89),
        ("0000101110110000000000000", 11),
        ("1011101", 80),
        ("111111101000001011101000000000", 95),
    ])
    func linePenalties(_ line: String, _ expected: Int) {
        #expect(Symbol.linePenalty(line.map { $0 == "1" }) == expected)
    }
}

/// The masks follow x and y with counters instead of divisions; every module of every mask agrees with the
/// standard's formulas (ISO/IEC 18004:2015 Table 10), on symbols of several sizes.
@Suite struct MaskPatternTests {
    @Test(arguments: [1, 4, 7, 10, 25, 40])
    func everyMaskMatchesItsFormula(version: Int) {
        for mask in 0..<8 {
            var symbol = Symbol(version: version)
            let before = symbol.dark
            symbol.applyMask(mask)
            let size = symbol.size
            var wrong = 0
            for y in 0..<size {
                for x in 0..<size {
                    let flip: Bool
                    switch mask {
                    case 0: flip = (x + y) % 2 == 0
                    case 1: flip = y % 2 == 0
                    case 2: flip = x % 3 == 0
                    case 3: flip = (x + y) % 3 == 0
                    case 4: flip = (x / 3 + y / 2) % 2 == 0
                    case 5: flip = x * y % 2 + x * y % 3 == 0
                    case 6: flip = (x * y % 2 + x * y % 3) % 2 == 0
                    default: flip = ((x + y) % 2 + x * y % 3) % 2 == 0
                    }
                    let expected = symbol.function[y * size + x] ? before[y * size + x] : before[y * size + x] != flip
                    if symbol.dark[y * size + x] != expected { wrong += 1 }
                }
            }
            #expect(wrong == 0, "mask \(mask), version \(version)")
        }
    }
}

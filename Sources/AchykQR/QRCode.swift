/// A QR code (ISO/IEC 18004) of a text in byte mode at error correction level M, the smallest version that holds it:
/// a page's address on a printed leaflet.
public struct QRCode: Sendable, Equatable {
    public let version: Int
    public let size: Int
    public let mask: Int
    /// size × size, row-major, true = dark module.
    public let modules: [Bool]

    /// The module at column `x`, row `y`; outside the symbol is the quiet zone, which is light.
    public subscript(x: Int, y: Int) -> Bool {
        guard x >= 0, x < size, y >= 0, y < size else { return false }
        return modules[y * size + x]
    }

    public enum EncodingError: Error, Equatable {
        /// More bytes than version 40 holds at level M (2331).
        case tooLong(bytes: Int)
    }

    /// Encodes `text` as UTF-8 bytes, level M.
    public static func encode(_ text: String) throws(EncodingError) -> QRCode {
        let bytes = Array(text.utf8)
        var fitting: Int?
        for version in 1...40 where bytes.count <= byteCapacity(version: version) {
            fitting = version
            break
        }
        guard let version = fitting else { throw EncodingError.tooLong(bytes: bytes.count) }
        let codewords = ReedSolomon.interleave(dataCodewords(bytes, version: version), version: version)
        var symbol = Symbol(version: version)
        symbol.place(codewords)
        // ISO/IEC 18004:2015 7.8.3.1 scores the complete symbol, format information included, so each mask is
        // scored with its own format bits; ties go to the lower mask.
        var best = (mask: 0, penalty: Int.max)
        for mask in 0..<8 {
            symbol.applyMask(mask)
            symbol.drawFormat(mask: mask)
            let penalty = symbol.penalty()
            if penalty < best.penalty { best = (mask: mask, penalty: penalty) }
            symbol.applyMask(mask)
        }
        symbol.applyMask(best.mask)
        symbol.drawFormat(mask: best.mask)
        return QRCode(version: version, size: symbol.size, mask: best.mask, modules: symbol.dark)
    }

    /// Bytes that fit in `version` at level M: the data codewords less the mode indicator and the character count.
    static func byteCapacity(version: Int) -> Int {
        (ReedSolomon.dataCodewords(version: version) * 8 - 4 - countBits(version: version)) / 8
    }

    static func countBits(version: Int) -> Int {
        version <= 9 ? 8 : 16
    }

    /// The mode indicator, the count, the bytes, the terminator and the padding, filling the version's data codewords.
    static func dataCodewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits = BitWriter()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: countBits(version: version))
        for byte in bytes {
            bits.append(Int(byte), count: 8)
        }
        let capacity = ReedSolomon.dataCodewords(version: version) * 8
        bits.append(0, count: min(4, capacity - bits.bitCount))
        bits.append(0, count: (8 - bits.bitCount % 8) % 8)
        var pad = 0xEC
        while bits.bitCount < capacity {
            bits.append(pad, count: 8)
            pad ^= 0xEC ^ 0x11
        }
        return bits.bytes
    }

    /// An SVG of the code with a 4-module quiet zone, one path of horizontal runs of dark modules, in module units
    /// (the page sizes it); `label` says what the code holds to readers who do not see it.
    public func svg(label: String) -> String {
        let side = size + 8
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard modules[y * size + x] else {
                    x += 1
                    continue
                }
                let start = x
                while x < size && modules[y * size + x] { x += 1 }
                path += "M\(start + 4) \(y + 4)h\(x - start)v1h-\(x - start)z"
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" role=\"img\" aria-label=\""
            + Self.escape(label) + "\"><path fill=\"#000\" shape-rendering=\"crispEdges\" d=\"" + path + "\"/></svg>"
    }

    /// XML escaping of an attribute value. The C0 controls other than tab, line feed and carriage return are left out:
    /// XML 1.0 does not allow them even escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}

/// Bits appended most significant first, packed into bytes.
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private(set) var bitCount = 0

    mutating func append(_ value: Int, count: Int) {
        for i in stride(from: count - 1, through: 0, by: -1) {
            if bitCount % 8 == 0 { bytes.append(0) }
            if (value >> i) & 1 == 1 {
                bytes[bitCount / 8] |= UInt8(1 << (7 - bitCount % 8))
            }
            bitCount += 1
        }
    }
}

/// The symbol while it is built: the modules, and which of them belong to function patterns (finders, separators,
/// timing, alignment, format and version information, the dark module), which data and masks leave alone.
struct Symbol {
    let version: Int
    let size: Int
    var dark: [Bool]
    var function: [Bool]

    init(version: Int) {
        self.version = version
        size = 17 + 4 * version
        dark = [Bool](repeating: false, count: size * size)
        function = [Bool](repeating: false, count: size * size)
        drawFunctionPatterns()
    }

    mutating func set(_ x: Int, _ y: Int, _ isDark: Bool) {
        dark[y * size + x] = isDark
        function[y * size + x] = true
    }

    /// Everything but the data. The format information is only reserved here (drawn for mask 0): each mask
    /// draws its own.
    mutating func drawFunctionPatterns() {
        // The timing patterns run through the finders too; the finders drawn after them overwrite those modules.
        for i in 0..<size {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        // Each finder with its light separator, clipped at the edges of the symbol.
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 {
                    let x = cx + dx
                    let y = cy + dy
                    guard x >= 0, x < size, y >= 0, y < size else { continue }
                    let ring = max(abs(dx), abs(dy))
                    set(x, y, ring != 2 && ring != 4)
                }
            }
        }
        // Alignment patterns on every pair of positions but the three that fall on finders.
        let positions = Self.alignmentPositions(version: version)
        let last = positions.count - 1
        for (i, cy) in positions.enumerated() {
            for (j, cx) in positions.enumerated() {
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                for dy in -2...2 {
                    for dx in -2...2 {
                        set(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1)
                    }
                }
            }
        }
        drawFormat(mask: 0)
        if version >= 7 {
            let bits = Self.versionBits(version: version)
            for i in 0..<18 {
                let bit = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3
                let b = i / 3
                set(a, b, bit)
                set(b, a, bit)
            }
        }
    }

    /// The centres of the alignment patterns on either axis (ISO/IEC 18004 Annex E): 6, then evenly spaced back from
    /// size − 7 by an even step; the formula gives the table's rows for all 40 versions.
    static func alignmentPositions(version: Int) -> [Int] {
        if version == 1 { return [] }
        let count = version / 7 + 2
        let size = 17 + 4 * version
        let step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2
        var positions = [6]
        for i in 0..<(count - 1) {
            positions.append(size - 7 - (count - 2 - i) * step)
        }
        return positions
    }

    /// `value` (at most 6 bits) followed by the remainder of value·x^degree divided by `generator`.
    static func bch(_ value: Int, generator: Int, degree: Int) -> Int {
        var remainder = value << degree
        for i in stride(from: degree + 5, through: degree, by: -1) where (remainder >> i) & 1 == 1 {
            remainder ^= generator << (i - degree)
        }
        return (value << degree) | remainder
    }

    /// Level M's indicator is 00, so the data bits are the mask alone; the XOR keeps the bits from being all light.
    static func formatBits(mask: Int) -> Int {
        bch(mask, generator: 0x537, degree: 10) ^ 0x5412
    }

    static func versionBits(version: Int) -> Int {
        bch(version, generator: 0x1F25, degree: 12)
    }

    /// Both copies of the format information, bit 0 first, and the dark module beside the bottom-left finder.
    mutating func drawFormat(mask: Int) {
        let bits = Self.formatBits(mask: mask)
        for i in 0..<15 {
            let bit = (bits >> i) & 1 == 1
            // Around the top-left finder, stepping over the timing patterns.
            if i < 6 {
                set(8, i, bit)
            } else if i < 8 {
                set(8, i + 1, bit)
            } else if i == 8 {
                set(7, 8, bit)
            } else {
                set(14 - i, 8, bit)
            }
            // Split between the top-right and the bottom-left finders.
            if i < 8 {
                set(size - 1 - i, 8, bit)
            } else {
                set(8, size - 15 + i, bit)
            }
        }
        set(8, size - 8, true)
    }

    /// The codewords' bits in two-module columns from the right, zigzagging up and down and skipping the vertical
    /// timing pattern; modules left over (remainder bits) stay light.
    mutating func place(_ codewords: [UInt8]) {
        let total = codewords.count * 8
        var i = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for vertical in 0..<size {
                let y = upward ? size - 1 - vertical : vertical
                for x in [right, right - 1] where !function[y * size + x] && i < total {
                    dark[y * size + x] = (codewords[i >> 3] >> (7 - (i & 7))) & 1 == 1
                    i += 1
                }
            }
            right -= 2
        }
    }

    /// Flips the data modules that the mask selects; applying a mask twice undoes it.
    ///
    /// The masks' formulas take x and y modulo 2 and 3; they are followed here with counters instead of divisions,
    /// which made mask scoring a sixth of a national site's build.
    mutating func applyMask(_ mask: Int) {
        let size = self.size
        function.withUnsafeBufferPointer { function in
            dark.withUnsafeMutableBufferPointer { dark in
                var y3 = 0
                for y in 0..<size {
                    let row = y * size, y2 = y & 1, yHalf = y >> 1
                    var x3 = 0, xThird = 0
                    for x in 0..<size {
                        if !function[row + x] {
                            // x·y mod 3 from x mod 3 and y mod 3, whose product is 0, 1, 2 or 4.
                            let product = x3 * y3
                            let xy3 = product == 4 ? 1 : product
                            let xy2 = x & 1 & y2
                            let flip: Bool
                            switch mask {
                            case 0: flip = (x + y) & 1 == 0
                            case 1: flip = y2 == 0
                            case 2: flip = x3 == 0
                            case 3: flip = x3 + y3 == 0 || x3 + y3 == 3
                            case 4: flip = (xThird + yHalf) & 1 == 0
                            case 5: flip = xy2 + xy3 == 0
                            case 6: flip = (xy2 + xy3) & 1 == 0
                            default: flip = ((x + y) & 1 + xy3) & 1 == 0
                            }
                            if flip { dark[row + x].toggle() }
                        }
                        x3 += 1
                        if x3 == 3 {
                            x3 = 0
                            xThird += 1
                        }
                    }
                    y3 += 1
                    if y3 == 3 { y3 = 0 }
                }
            }
        }
    }

    /// The penalty of ISO/IEC 18004:2015 7.8.3.1 (Table 11), the lower the better.
    ///
    /// Every citizen-budget page encodes a code and scores eight masks, so this works on raw buffers: with arrays
    /// (bounds checks, a growing list of runs) it was a sixth of a national site's build.
    func penalty() -> Int {
        let size = self.size
        return dark.withUnsafeBufferPointer { dark in
            let runs = UnsafeMutableBufferPointer<Int>.allocate(capacity: size + 2)
            defer { runs.deallocate() }
            var total = 0
            for y in 0..<size { total += Self.linePenalty(dark, start: y * size, step: 1, count: size, runs: runs) }
            for x in 0..<size { total += Self.linePenalty(dark, start: x, step: size, count: size, runs: runs) }
            // 3 for each 2 × 2 block of one colour, overlapping blocks included (which is what m × n blocks add up to).
            for y in 0..<(size - 1) {
                let row = y * size, next = row + size
                for x in 0..<(size - 1) {
                    let c = dark[row + x]
                    if c == dark[row + x + 1] && c == dark[next + x] && c == dark[next + x + 1] { total += 3 }
                }
            }
            // 10 for each full 5 % that the dark share is away from 50 %.
            var darkCount = 0
            for module in dark where module { darkCount += 1 }
            let cells = size * size
            total += abs(darkCount * 20 - cells * 10) / cells * 10
            return total
        }
    }

    /// Rules 1 and 3 for one row or column, from its runs of one colour.
    static func linePenalty(_ line: [Bool]) -> Int {
        let runs = UnsafeMutableBufferPointer<Int>.allocate(capacity: line.count + 2)
        defer { runs.deallocate() }
        return line.withUnsafeBufferPointer { linePenalty($0, start: 0, step: 1, count: line.count, runs: runs) }
    }

    /// The same for the `count` modules of `modules` from `start`, `step` apart (a row or a column), with `runs`
    /// (room for `count` + 2) as scratch space.
    static func linePenalty(_ modules: UnsafeBufferPointer<Bool>, start: Int, step: Int, count n: Int, runs: UnsafeMutableBufferPointer<Int>) -> Int {
        // Runs alternate light, dark, light…, starting and ending light; the light beyond the symbol (taken as n
        // wide, wider than any pattern here needs) lengthens the first and last run.
        var last = 0
        var colour = false
        var run = n
        for index in 0..<n {
            let module = modules[start + index * step]
            if module == colour {
                run += 1
            } else {
                runs[last] = run
                last += 1
                run = 1
                colour = module
            }
        }
        runs[last] = run
        if colour {
            last += 1
            runs[last] = n
        } else {
            runs[last] += n
        }
        let count = last + 1
        var penalty = 0
        // Rule 1: a run of 5 + i modules of one colour costs 3 + i; the light beyond the symbol is no part of a run
        // (a line all light is one run, first and last).
        for i in 0..<count {
            let inside = runs[i] - (i == 0 ? n : 0) - (i == count - 1 ? n : 0)
            if inside >= 5 { penalty += inside - 2 }
        }
        // Rule 3: dark, light, dark, light, dark in the ratio 1:1:3:1:1 costs 40 for each side with light 4 units wide,
        // if the other side has at least 1 unit of light; the light beyond the symbol counts (as in Nayuki's qrcodegen,
        // whose mask choice this one matches).
        var i = 1
        while i + 5 < count {
            let unit = runs[i]
            if runs[i + 1] == unit && runs[i + 2] == 3 * unit && runs[i + 3] == unit && runs[i + 4] == unit {
                let before = runs[i - 1]
                let after = runs[i + 5]
                if before >= 4 * unit && after >= unit { penalty += 40 }
                if after >= 4 * unit && before >= unit { penalty += 40 }
            }
            i += 2
        }
        return penalty
    }
}

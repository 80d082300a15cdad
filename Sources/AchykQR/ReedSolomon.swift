/// Error correction codewords over GF(256) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11D), and how level M
/// splits a version's codewords into blocks.
enum ReedSolomon {
    /// Error correction codewords per block at level M, for versions 1...40 (ISO/IEC 18004, Table 9).
    static let ecCodewordsPerBlock: [Int] = [
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26,
        30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
        26, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ]

    /// Blocks at level M, for versions 1...40. When the codewords do not divide evenly, the last blocks hold one data
    /// codeword more than the first ones; the table does not need to say how many, the total tells.
    static let blockCount: [Int] = [
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5,
        5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
        17, 17, 18, 20, 21, 23, 25, 26, 28, 29,
        31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ]

    /// Powers of α = 2; α²⁵⁵ = 1, so 255 entries are all of them.
    static let exponents: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 255)
        var value = 1
        for i in 0..<255 {
            table[i] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        return table
    }()

    /// The inverse of `exponents`; the entry for 0 is never read.
    static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for i in 0..<255 { table[Int(ReedSolomon.exponents[i])] = i }
        return table
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exponents[(logarithms[Int(a)] + logarithms[Int(b)]) % 255]
    }

    /// (x − α⁰)(x − α¹)…(x − α^(degree−1)), highest power first, without its leading 1.
    static func generator(degree: Int) -> [UInt8] {
        var polynomial: [UInt8] = [1]
        for i in 0..<degree {
            var next = [UInt8](repeating: 0, count: polynomial.count + 1)
            for j in 0..<polynomial.count {
                next[j] ^= polynomial[j]
                next[j + 1] ^= multiply(polynomial[j], exponents[i])
            }
            polynomial = next
        }
        return Array(polynomial.dropFirst())
    }

    /// The error correction codewords of one block: the remainder of data·x^degree divided by the generator.
    static func remainder(_ data: [UInt8], generator: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ result[0]
            result.removeFirst()
            result.append(0)
            for j in 0..<generator.count {
                result[j] ^= multiply(generator[j], factor)
            }
        }
        return result
    }

    /// Modules left for codewords once the function patterns and the format and version information are placed;
    /// not a multiple of 8 for some versions, whose last few modules are remainder bits.
    static func rawDataModules(version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            result -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    static func totalCodewords(version: Int) -> Int {
        rawDataModules(version: version) / 8
    }

    static func dataCodewords(version: Int) -> Int {
        totalCodewords(version: version) - ecCodewordsPerBlock[version - 1] * blockCount[version - 1]
    }

    /// Splits `data` (exactly `dataCodewords(version:)` codewords) into blocks, adds each block's error correction,
    /// and interleaves them as they are placed: the i-th data codeword of every block, then the i-th error
    /// correction codeword of every block.
    static func interleave(_ data: [UInt8], version: Int) -> [UInt8] {
        let ec = ecCodewordsPerBlock[version - 1]
        let blocks = blockCount[version - 1]
        let total = totalCodewords(version: version)
        let shortBlocks = blocks - total % blocks
        let shortData = total / blocks - ec
        let divisor = generator(degree: ec)
        var dataBlocks: [[UInt8]] = []
        var ecBlocks: [[UInt8]] = []
        var start = 0
        for b in 0..<blocks {
            let length = shortData + (b < shortBlocks ? 0 : 1)
            let block = Array(data[start..<start + length])
            start += length
            dataBlocks.append(block)
            ecBlocks.append(remainder(block, generator: divisor))
        }
        var result: [UInt8] = []
        result.reserveCapacity(total)
        for i in 0...shortData {
            for block in dataBlocks where i < block.count {
                result.append(block[i])
            }
        }
        for i in 0..<ec {
            for block in ecBlocks {
                result.append(block[i])
            }
        }
        return result
    }
}

/// Splits text into index words: lowercased, folded (`SearchRules.fold`), runs of letters and digits (Unicode's
/// L and N categories, as the browser's `/[\p{L}\p{N}]+/u`), every other character a break.
///
/// It reads UTF-8 bytes, with fast paths for ASCII and Cyrillic, because it runs over every page of the site in
/// every language: a national site holds tens of megabytes of text.
public struct SearchTokenizer {
    /// Skips `<…>` tags and `&…;` references, for the converted Markdown of a page.
    public var skipsMarkup: Bool

    public init(skipsMarkup: Bool) {
        self.skipsMarkup = skipsMarkup
    }

    /// Calls `body` with each word's bytes (valid UTF-8, lowercased and folded) and whether it is all digits.
    /// Words shorter than `SearchRules.minTerm` or longer than `SearchRules.maxTerm` letters are left out.
    public func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var text = text
        text.withUTF8 { bytes in forEachWord(in: bytes, body) }
    }

    public func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(4 * SearchRules.maxTerm + 8)
        var letters = 0
        var digitsOnly = true
        func flush() {
            if letters >= SearchRules.minTerm, letters <= SearchRules.maxTerm {
                word.withUnsafeBufferPointer { body($0, digitsOnly) }
            }
            word.removeAll(keepingCapacity: true)
            letters = 0
            digitsOnly = true
        }
        let count = bytes.count
        var i = 0
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                i += 1
                switch byte {
                case 0x61...0x7A:
                    word.append(byte)
                    letters += 1
                    digitsOnly = false
                case 0x41...0x5A:
                    word.append(byte | 0x20)
                    letters += 1
                    digitsOnly = false
                case 0x30...0x39:
                    word.append(byte)
                    letters += 1
                case 0x3C where skipsMarkup:
                    flush()
                    while i < count, bytes[i] != 0x3E { i += 1 }
                    i += 1
                case 0x26 where skipsMarkup:
                    flush()
                    // A character reference ends at `;` within a few letters; a lone `&` is just a break.
                    var j = i
                    while j < count, j - i < 10, bytes[j] != 0x3B, bytes[j] != 0x20, bytes[j] != 0x3C { j += 1 }
                    if j < count, bytes[j] == 0x3B { i = j + 1 }
                default:
                    flush()
                }
                continue
            }
            // Decode one scalar; invalid bytes (which Swift strings never hold) are breaks.
            var scalar: UInt32
            var length: Int
            if byte & 0xE0 == 0xC0 {
                scalar = UInt32(byte & 0x1F)
                length = 2
            } else if byte & 0xF0 == 0xE0 {
                scalar = UInt32(byte & 0x0F)
                length = 3
            } else if byte & 0xF8 == 0xF0 {
                scalar = UInt32(byte & 0x07)
                length = 4
            } else {
                flush()
                i += 1
                continue
            }
            guard i + length <= count else { break }
            for k in 1..<length { scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F) }
            i += length
            if let lower = Self.cyrillicLowercase(scalar) {
                appendScalar(Self.folded(lower), to: &word)
                letters += 1
                digitsOnly = false
                continue
            }
            guard let unicode = Unicode.Scalar(scalar) else {
                flush()
                continue
            }
            switch unicode.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
                for lower in unicode.properties.lowercaseMapping.unicodeScalars {
                    appendScalar(Self.folded(lower.value), to: &word)
                    letters += 1
                }
                digitsOnly = false
            case .decimalNumber, .letterNumber, .otherNumber:
                appendScalar(scalar, to: &word)
                letters += 1
            default:
                flush()
            }
        }
        flush()
    }

    /// A query or a test word as the index writes it: lowercased, folded, words joined by one space.
    public static func normalized(_ text: String) -> String {
        var words: [String] = []
        SearchTokenizer(skipsMarkup: false).forEachWord(in: text) { word, _ in words.append(String(decoding: word, as: UTF8.self)) }
        return words.joined(separator: " ")
    }

    /// The lowercase of a Cyrillic letter (U+0400–U+04FF), or nil for anything else, including the block's signs.
    @inline(__always)
    static func cyrillicLowercase(_ scalar: UInt32) -> UInt32? {
        switch scalar {
        case 0x0410...0x042F: scalar + 0x20
        case 0x0400...0x040F: scalar + 0x50
        case 0x0430...0x045F: scalar
        case 0x0460...0x0481, 0x048A...0x04BF, 0x04D0...0x04FF: scalar | 1
        case 0x04C0: 0x04CF
        case 0x04C1...0x04CE: scalar & 1 == 1 ? scalar + 1 : scalar
        case 0x04CF: scalar
        default: nil
        }
    }

    @inline(__always)
    static func folded(_ scalar: UInt32) -> UInt32 {
        switch scalar {
        case 0x04E9: 0x043E  // ө → о
        case 0x04AF: 0x0443  // ү → у
        case 0x04A3: 0x043D  // ң → н
        case 0x0451: 0x0435  // ё → е
        default: scalar
        }
    }

    @inline(__always)
    private func appendScalar(_ scalar: UInt32, to word: inout [UInt8]) {
        switch scalar {
        case ..<0x80: word.append(UInt8(scalar))
        case ..<0x800:
            word.append(UInt8(0xC0 | scalar >> 6))
            word.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            word.append(UInt8(0xE0 | scalar >> 12))
            word.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            word.append(UInt8(0x80 | scalar & 0x3F))
        default:
            word.append(UInt8(0xF0 | scalar >> 18))
            word.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            word.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            word.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}

/// Words by their bytes, each given a number the first time it is seen: the index builder meets millions of words
/// on a national site, and making a `String` of each would cost more than all the rest.
struct TermTable {
    private var slots: [Int32]
    private var mask: Int
    private(set) var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []

    init(capacity: Int = 1 << 14) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { hashes.count }

    func word(_ id: Int) -> ArraySlice<UInt8> { bytes[starts[id]..<starts[id + 1]] }

    func string(_ id: Int) -> String { String(decoding: word(id), as: UTF8.self) }

    /// The number of `word`, and whether it is new.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool) {
        let hash = Self.hash(word)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if hashes[id] == hash, equals(id, word) { return (id, false) }
            slot = (slot + 1) & mask
        }
        let id = hashes.count
        slots[slot] = Int32(id)
        hashes.append(hash)
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        if hashes.count * 2 > slots.count { grow() }
        return (id, true)
    }

    private func equals(_ id: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id], end = starts[id + 1]
        guard end - start == word.count else { return false }
        var i = start
        for byte in word {
            if bytes[i] != byte { return false }
            i += 1
        }
        return true
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// FNV-1a, 64 bits.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}

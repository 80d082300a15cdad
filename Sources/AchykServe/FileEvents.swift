import AchykModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The Linux kernel's file notifications (inotify) for a set of folders and all folders below them: each saved,
/// created, moved or deleted file is reported at once, as its full path, instead of being found by the next scan.
final class FileEvents: Sendable {
    private let descriptor: Int32

    /// Nil where inotify is not available; the watcher then scans instead.
    init?() {
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        #else
        return nil
        #endif
    }

    private let isOpen = Locked(true)

    /// Stops watching; the reading thread notices within a fifth of a second, closes the descriptor and ends.
    func stop() {
        isOpen.withLock { $0 = false }
    }

    /// Paths changed since they were last taken; the reading thread adds to them.
    let pending = Locked<Set<String>>([])

    /// Starts watching; the stream yields whenever paths are added to `pending` (several events may arrive
    /// between two yields, and are then taken together). Reading blocks, so it runs on a thread of its own
    /// rather than the cooperative pool.
    func start(watching folders: [URL]) -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let descriptor = self.descriptor
        Thread {
            var watched: [Int32: String] = [:]
            let mask = UInt32(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)
            func add(_ folder: String) {
                let wd = inotify_add_watch(descriptor, folder, mask)
                guard wd >= 0 else { return }
                watched[wd] = folder
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                    var isFolder: ObjCBool = false
                    let path = folder + "/" + name
                    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { add(path) }
                }
            }
            for folder in folders { add(folder.standardizedFileURL.path) }
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            defer { close(descriptor) }
            while self.isOpen.withLock({ $0 }) {
                // Wait with a timeout rather than in `read`, so that `stop` is noticed.
                var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&request, 1, 200)
                if ready == 0 || (ready < 0 && errno == EINTR) { continue }
                guard ready > 0 else { break }
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                var changed: Set<String> = []
                var offset = 0
                buffer.withUnsafeBytes { bytes in
                    while offset + MemoryLayout<inotify_event>.size <= count {
                        let event = bytes.load(fromByteOffset: offset, as: inotify_event.self)
                        let nameStart = offset + MemoryLayout<inotify_event>.size
                        let nameBytes = bytes[nameStart..<min(nameStart + Int(event.len), count)]
                        let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                        if let folder = watched[event.wd], !name.isEmpty {
                            let path = folder + "/" + name
                            if event.mask & UInt32(IN_ISDIR) != 0 {
                                if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { add(path) }
                            }
                            changed.insert(path)
                        }
                        offset = nameStart + Int(event.len)
                    }
                }
                guard !changed.isEmpty else { continue }
                self.pending.withLock { $0.formUnion(changed) }
                if case .terminated = continuation.yield() { break }
            }
            continuation.finish()
        }.start()
        return stream
    }
}

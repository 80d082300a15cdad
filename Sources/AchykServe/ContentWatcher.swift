import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Notices edits in the content and theme folders by comparing, a few times a second, every file's path, size and
/// modification time. Polling needs no system-specific API and costs little for sites of a few thousand files.
public struct ContentWatcher: Sendable {
    let folders: [URL]
    let interval: Duration

    public init(folders: [URL], interval: Duration) {
        self.folders = folders
        self.interval = interval
    }

    /// A summary of the watched files that changes whenever a file is added, removed or written: size and
    /// modification time by full path. Walks with readdir and stat, which keeps a scan of a 15,000-file site
    /// within a few tens of milliseconds.
    func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        for folder in folders { scan(folder.path, into: &result) }
        return result
    }

    private func scan(_ folder: String, into result: inout [String: String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if Int32(entry.pointee.d_type) != Int32(DT_LNK) { scan(path, into: &result) }
            case S_IFREG:
                result[path] = "\(info.st_size)@\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            default:
                continue
            }
        }
    }

    /// Calls `onChange` with the full paths of the files added, removed or written, after every change, until
    /// the task is cancelled. Uses the kernel's notifications where it can, else scans every `interval`.
    public func watch(onChange: @Sendable (Set<String>) async -> Void) async {
        if let events = FileEvents() {
            await withTaskCancellationHandler {
                var signals = events.start(watching: folders).makeAsyncIterator()
                while !Task.isCancelled, await signals.next() != nil {
                    // An editor's save is often several events (write a copy, rename it over); take them together.
                    try? await Task.sleep(for: .milliseconds(15))
                    let changed = events.pending.withLock { pending in
                        defer { pending = [] }
                        return pending
                    }
                    if !changed.isEmpty { await onChange(changed) }
                }
            } onCancel: {
                events.stop()
            }
            return
        }
        var last = fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let current = fingerprint()
            if current != last {
                let changed = Set(current.keys).union(last.keys).filter { current[$0] != last[$0] }
                last = current
                await onChange(changed)
            }
        }
    }

    /// The changed files relative to `folder`, or nil when any of them lies elsewhere (the theme, say).
    public static func relativePaths(_ changed: Set<String>, in folder: URL) -> Set<String>? {
        let prefix = folder.standardizedFileURL.path + "/"
        var result: Set<String> = []
        for path in changed {
            guard path.hasPrefix(prefix) else { return nil }
            result.insert(String(path.dropFirst(prefix.count)))
        }
        return result
    }
}

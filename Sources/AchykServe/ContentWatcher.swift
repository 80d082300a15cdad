import Foundation

/// Notices edits in the content and theme folders by comparing, a few times a second, every file's path, size and
/// modification time. Polling needs no system-specific API and costs little for sites of a few thousand files.
public struct ContentWatcher: Sendable {
    let folders: [URL]
    let interval: Duration

    public init(folders: [URL], interval: Duration) {
        self.folders = folders
        self.interval = interval
    }

    /// A summary of the watched files that changes whenever a file is added, removed or written.
    func fingerprint() -> [String: String] {
        var result: [String: String] = [:]
        let manager = FileManager.default
        for folder in folders {
            guard let enumerator = manager.enumerator(atPath: folder.path) else { continue }
            while let path = enumerator.nextObject() as? String {
                let full = folder.appendingPathComponent(path).path
                guard let attributes = try? manager.attributesOfItem(atPath: full),
                    attributes[.type] as? FileAttributeType == .typeRegular
                else { continue }
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                result[full] = "\(size)@\(modified)"
            }
        }
        return result
    }

    /// Calls `onChange` with the full paths of the files added, removed or written, after every change, until
    /// the task is cancelled.
    public func watch(onChange: @Sendable (Set<String>) async -> Void) async {
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

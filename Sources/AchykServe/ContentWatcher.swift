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

    /// Calls `onChange` after every change, until the task is cancelled.
    public func watch(onChange: @Sendable () async -> Void) async {
        var last = fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let current = fingerprint()
            if current != last {
                last = current
                await onChange()
            }
        }
    }
}

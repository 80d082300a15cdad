import AchykRender
import CAchykFS
import AchykModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A problem with the output folder itself, told to the user as it is.
struct OutputFolderError: Error, Equatable {
    let message: String
}

/// The output folder, replaced only as a whole: a build writes a sibling staging folder and swaps it in at the end.
struct OutputFolder {
    /// Marks a folder as achyk's own output, so that achyk never replaces a folder it did not make.
    static let marker = ".achyk-output"
    /// What achyk keeps at the top of the output folder although it did not write it: a git worktree of the
    /// published site, GitHub Pages' domain and Jekyll switch, the repository's placeholder README.
    static let alwaysKept: Set<String> = [".git", "CNAME", ".nojekyll", "README.md", ".gitkeep"]

    /// As given; a symbolic link to the folder is left as it is.
    let url: URL
    let contentFolder: URL?
    /// The names kept: `alwaysKept` and site.yaml's `keep`.
    let kept: Set<String>

    init(url: URL, contentFolder: URL? = nil, keeping extra: [String] = []) {
        self.url = url.standardizedFileURL
        self.contentFolder = contentFolder?.standardizedFileURL
        self.kept = Self.alwaysKept.union(extra)
    }

    /// The folder achyk writes: the output folder, or the folder its link leads to (a web root is often a link to
    /// the current release; the link stays, the site is swapped where it leads).
    var target: URL { url.resolvingSymlinksInPath() }

    /// Refuses folders that achyk must never replace.
    func checkIsReplaceable() throws(OutputFolderError) {
        let target = self.target.path
        let home = FileManager.default.homeDirectoryForCurrentUser.resolvingSymlinksInPath().path
        if target == "/" || target == home {
            throw OutputFolderError(message: "refusing to write the site into \(target): choose an output folder of its own, such as Site")
        }
        if let content = contentFolder?.resolvingSymlinksInPath().path {
            if target == content || content.hasPrefix(target + "/") {
                throw OutputFolderError(message: "refusing to write the site into \(target): it holds the content folder \(content), which would be deleted")
            }
            if target.hasPrefix(content + "/") {
                throw OutputFolderError(message: "refusing to write the site into \(target): it is inside the content folder \(content); choose a folder outside it")
            }
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw OutputFolderError(message: "refusing to replace \(target): it is a file, not a folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
        if !entries.contains(Self.marker) && !Set(entries).isSubset(of: kept) {
            throw OutputFolderError(message: "refusing to replace \(target): it holds files that achyk did not write; empty it or choose another output folder")
        }
    }

    /// Takes the lock (waiting up to `wait` for another build of the same folder to end, after telling
    /// `onWait`), checks the folder and opens a staging folder beside it.
    func beginWriting(wait: Duration = .zero, onWait: () -> Void = {}) throws -> StagingFolder {
        try checkIsReplaceable()
        let target = self.target
        let parent = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let name = target.lastPathComponent
        let lock = try FolderLock(path: parent.appendingPathComponent(".\(name).achyk-lock").path, folder: target.path, wait: wait, onWait: onWait)
        // Staging folders of builds that were killed are left over; the lock says no build is using them now. One
        // killed just after the swap holds the old site with the kept files still in it: they go back first.
        let prefix = ".\(name).achyk-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where entry.hasPrefix(prefix) && !entry.hasSuffix("-lock") {
            let leftover = parent.appendingPathComponent(entry)
            StagingFolder.moveKept(kept, from: leftover, to: target)
            _ = achyk_remove_tree(leftover.path)
        }
        let staging = parent.appendingPathComponent("\(prefix)staging-\(getpid())")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        return StagingFolder(target: target, staging: staging, lock: lock, kept: kept)
    }
}

/// The folder a build writes into, beside the output folder, swapped in by `commit`.
/// Safe to share between threads: the jobs call only `write`, which reads constants, takes the lock around
/// `createdFolders` and writes a file no other job writes; `commit` and `discard` (which release the folder lock)
/// run once, after every job has ended.
final class StagingFolder: SiteSink, @unchecked Sendable {
    let target: URL
    let staging: URL
    private let lock: FolderLock
    private let kept: Set<String>
    private let stagingPath: String
    /// Folders made so far, shared by the jobs that write from every core.
    private let createdFolders = Locked<Set<String>>([""])

    init(target: URL, staging: URL, lock: FolderLock, kept: Set<String>) {
        self.target = target
        self.staging = staging
        self.stagingPath = staging.path
        self.lock = lock
        self.kept = kept
    }

    func write(_ file: OutputFile) throws {
        // Paths as strings: URL's parser validated every one of tens of thousands of paths in the serial write loop.
        let destination = stagingPath + "/" + file.path
        let folder = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? ""
        if !createdFolders.withLock({ $0.contains(folder) }) {
            // Two jobs may make the same folder at once; making one that exists is not an error here.
            try FileManager.default.createDirectory(atPath: stagingPath + "/" + folder, withIntermediateDirectories: true)
            createdFolders.withLock { _ = $0.insert(folder) }
        }
        switch file.contents {
        case .data(let data):
            try Self.write(data, to: destination)
        case .stream(let stream):
            try Self.write(stream, to: destination)
        case .copy(let source):
            // The file a link leads to, never the link: a published site holds no links (one would lead into the
            // content folder, or out of the site, on the server).
            try FileManager.default.copyItem(atPath: URL(fileURLWithPath: source).resolvingSymlinksInPath().path, toPath: destination)
        }
    }

    /// Writes without Foundation's per-file fsync, which made writing most of a build's time. The swap below is
    /// what keeps a killed build from showing half a site; flushing every page to the disk does not add to that.
    private static func write(_ data: Data, to path: String) throws {
        let descriptor = try create(path)
        defer { close(descriptor) }
        try write(data, to: descriptor, path: path)
    }

    private static func write(_ stream: ByteStream, to path: String) throws {
        let descriptor = try create(path)
        defer { close(descriptor) }
        try stream.produce { try write($0, to: descriptor, path: path) }
    }

    private static func create(_ path: String) throws -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputFolderError(message: "could not create \(path): \(String(cString: strerror(errno)))")
        }
        return descriptor
    }

    private static func write(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputFolderError(message: "could not write \(path): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    /// Swaps the staging folder in for the output folder in one step, moves the kept files of the old site into
    /// the new one, then removes the old site.
    func commit() throws -> [String] {
        defer { lock.release() }
        let manager = FileManager.default
        try Data("achyk\n".utf8).write(to: staging.appendingPathComponent(OutputFolder.marker))
        guard manager.fileExists(atPath: target.path) else {
            try rename(staging, to: target)
            return []
        }
        if achyk_exchange_paths(staging.path, target.path) == 0 {
            // The old site is now at the staging path. A build killed before the kept files are moved leaves them
            // there, and the next build moves them back before it removes the leftover.
            Self.moveKept(kept, from: staging, to: target)
            return Self.remove(oldSite: staging)
        }
        let exchangeError = errno
        // A file system without RENAME_EXCHANGE: two renames, leaving the old site beside until the new one is in.
        let old = staging.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).achyk-old-\(getpid())")
        if exchangeError != EXDEV, Glibc.rename(target.path, old.path) == 0 {
            try rename(staging, to: target)
            Self.moveKept(kept, from: old, to: target)
            return Self.remove(oldSite: old)
        }
        // The output folder cannot be moved at all (EXDEV: a folder in a lower layer of an overlay file system, as
        // in container images): its entries are replaced one by one, inside it.
        try replaceEntries()
        return []
    }

    /// Removes the old site; what cannot be removed is said, never left without a word.
    private static func remove(oldSite: URL) -> [String] {
        guard achyk_remove_tree(oldSite.path) != 0 else { return [] }
        return ["the new site is in place, but the old one could not be removed completely from \(oldSite.path) (\(String(cString: strerror(errno)))); remove it by hand"]
    }

    /// Replaces the output folder's entries with the staging folder's, one by one: each entry is moved aside and
    /// the new one moved in at once, so a reader sees, per entry, the old or the new version; the site as a whole
    /// is mixed only for the moment between the first and the last entry (docs/quality.md).
    private func replaceEntries() throws {
        let manager = FileManager.default
        let aside = target.appendingPathComponent(".achyk-old-\(getpid())")
        try? manager.createDirectory(at: aside, withIntermediateDirectories: false)
        let entries = (try? manager.contentsOfDirectory(atPath: staging.path)) ?? []
        // The marker last: until it is in, the folder is marked as achyk's by the old one.
        for entry in entries.sorted(by: { ($0 == OutputFolder.marker ? 1 : 0, $0) < ($1 == OutputFolder.marker ? 1 : 0, $1) }) {
            let destination = target.appendingPathComponent(entry)
            if Self.isThere(destination) {
                // A folder from a lower layer cannot be renamed either: it is removed instead.
                if Glibc.rename(destination.path, aside.appendingPathComponent(entry).path) != 0 {
                    _ = achyk_remove_tree(destination.path)
                }
            }
            try rename(staging.appendingPathComponent(entry), to: destination)
        }
        // What the old site had and the new one has not, except the kept files.
        for entry in (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
        where !entries.contains(entry) && !kept.contains(entry) && entry != aside.lastPathComponent {
            _ = achyk_remove_tree(target.appendingPathComponent(entry).path)
        }
        _ = achyk_remove_tree(aside.path)
        _ = achyk_remove_tree(staging.path)
    }

    /// Whether something is at `url`, a link leading nowhere included (`fileExists` follows links).
    private static func isThere(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    /// Moves each kept file or folder of `old` to `new`, unless `new` has one of that name.
    static func moveKept(_ kept: Set<String>, from old: URL, to new: URL) {
        for name in kept.sorted() {
            let source = old.appendingPathComponent(name)
            let destination = new.appendingPathComponent(name)
            guard isThere(source), !FileManager.default.fileExists(atPath: destination.path) else { continue }
            if Glibc.rename(source.path, destination.path) != 0 {
                try? FileManager.default.copyItem(at: source, to: destination)
            }
        }
    }

    func discard() {
        _ = achyk_remove_tree(staging.path)
        lock.release()
    }

    private func rename(_ from: URL, to: URL) throws {
        guard Glibc.rename(from.path, to.path) == 0 else {
            throw OutputFolderError(message: "could not move \(from.path) to \(to.path): \(String(cString: strerror(errno)))")
        }
    }
}

/// An exclusive lock beside the output folder, so two builds never write the same folder at once.
final class FolderLock {
    private var descriptor: Int32

    init(path: String, folder: String, wait: Duration = .zero, onWait: () -> Void = {}) throws {
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputFolderError(message: "could not create the lock file \(path): \(String(cString: strerror(errno)))")
        }
        let clock = ContinuousClock()
        let deadline = clock.now + wait
        var told = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, clock.now < deadline else {
                close(descriptor)
                descriptor = -1
                let waited = wait > .zero ? " (waited \(wait.components.seconds) s)" : ""
                throw OutputFolderError(message: "another achyk build is writing \(folder) right now\(waited); wait for it to finish and build again")
            }
            if !told {
                onWait()
                told = true
            }
            usleep(100_000)
        }
    }

    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

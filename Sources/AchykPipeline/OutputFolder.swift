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
    /// Files a fresh output folder may hold before achyk has written to it (the repository keeps Site/README.md).
    static let keptFiles: Set<String> = ["README.md", ".gitkeep"]

    let url: URL
    let contentFolder: URL?

    init(url: URL, contentFolder: URL? = nil) {
        self.url = url.standardizedFileURL
        self.contentFolder = contentFolder?.standardizedFileURL
    }

    /// Refuses folders that achyk must never replace.
    func checkIsReplaceable() throws(OutputFolderError) {
        let target = url.resolvingSymlinksInPath().path
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
        if !entries.contains(Self.marker) && !Set(entries).isSubset(of: Self.keptFiles) {
            throw OutputFolderError(message: "refusing to replace \(target): it holds files that achyk did not write; empty it or choose another output folder")
        }
    }

    /// Takes the lock, checks the folder and opens a staging folder beside it.
    func beginWriting() throws -> StagingFolder {
        try checkIsReplaceable()
        let parent = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let name = url.lastPathComponent
        let lock = try FolderLock(path: parent.appendingPathComponent(".\(name).achyk-lock").path, folder: url.path)
        // Staging folders of builds that were killed are left over; the lock says no build is using them now.
        let prefix = ".\(name).achyk-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where entry.hasPrefix(prefix) && !entry.hasSuffix("-lock") {
            _ = achyk_remove_tree(parent.appendingPathComponent(entry).path)
        }
        let staging = parent.appendingPathComponent("\(prefix)staging-\(getpid())")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        return StagingFolder(target: url, staging: staging, lock: lock)
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
    private let stagingPath: String
    /// Folders made so far, shared by the jobs that write from every core.
    private let createdFolders = Locked<Set<String>>([""])

    init(target: URL, staging: URL, lock: FolderLock) {
        self.target = target
        self.staging = staging
        self.stagingPath = staging.path
        self.lock = lock
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
        case .copy(let source):
            try FileManager.default.copyItem(atPath: source, toPath: destination)
        }
    }

    /// Writes without Foundation's per-file fsync, which made writing most of a build's time. The swap below is
    /// what keeps a killed build from showing half a site; flushing every page to the disk does not add to that.
    private static func write(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputFolderError(message: "could not create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
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

    /// Swaps the staging folder in for the output folder in one step, then removes the old site.
    func commit() throws {
        defer { lock.release() }
        let manager = FileManager.default
        try Data("achyk\n".utf8).write(to: staging.appendingPathComponent(OutputFolder.marker))
        for kept in OutputFolder.keptFiles {
            let old = target.appendingPathComponent(kept)
            if manager.fileExists(atPath: old.path) {
                try manager.copyItem(at: old, to: staging.appendingPathComponent(kept))
            }
        }
        guard manager.fileExists(atPath: target.path) else {
            try rename(staging, to: target)
            return
        }
        if achyk_exchange_paths(staging.path, target.path) == 0 {
            _ = achyk_remove_tree(staging.path)
            return
        }
        // A file system without RENAME_EXCHANGE: two renames, leaving the old site beside until the new one is in.
        let old = staging.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).achyk-old-\(getpid())")
        try rename(target, to: old)
        try rename(staging, to: target)
        _ = achyk_remove_tree(old.path)
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

    init(path: String, folder: String) throws {
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputFolderError(message: "could not create the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            descriptor = -1
            throw OutputFolderError(message: "another achyk build is writing \(folder) right now; wait for it to finish and build again")
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

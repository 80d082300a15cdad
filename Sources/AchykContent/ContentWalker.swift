import AchykModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Lists the files of the content folder, relative to it, sorted. A link to a file inside the folder counts as that
/// file; a link leading out of the folder is an error, and a link to a folder is not followed (it could loop).
///
/// Walks with `opendir`/`readdir`, which name each entry's type: Foundation's URL enumerator asked the file system
/// for every file's properties one by one and took a noticeable part of loading a large site.
struct ContentWalker {
    let root: URL

    func files(reporting diagnostics: inout Diagnostics) -> [String] {
        let rootPath = root.resolvingSymlinksInPath().path
        var result: [String] = []
        walk(folder: root.path, relative: "", rootPath: rootPath, into: &result, reporting: &diagnostics)
        return result.sorted()
    }

    private func walk(folder: String, relative: String, rootPath: String, into result: inout [String], reporting diagnostics: inout Diagnostics) {
        guard let directory = opendir(folder) else {
            // A folder that cannot be read would take its pages out of the site without a word.
            diagnostics.error("the folder cannot be read (\(String(cString: strerror(errno)))); check its permissions", at: SourceLocation(relative.isEmpty ? "." : relative + "/"))
            return
        }
        defer { closedir(directory) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        for (name, type) in entries {
            let path = folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            switch kind(of: path, type: type) {
            case .folder:
                walk(folder: path, relative: relativePath, rootPath: rootPath, into: &result, reporting: &diagnostics)
            case .file:
                result.append(relativePath)
            case .link:
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard target == rootPath || target.hasPrefix(rootPath + "/") else {
                    diagnostics.error("this link leads out of the content folder (to \(target)); copy the file in instead", at: SourceLocation(relativePath))
                    continue
                }
                var info = stat()
                if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                    result.append(relativePath)
                } else {
                    diagnostics.warning("links to folders are not followed; move the folder here instead", at: SourceLocation(relativePath))
                }
            case .other:
                continue
            }
        }
    }

    private enum Kind { case folder, file, link, other }

    private func kind(of path: String, type: UInt8) -> Kind {
        switch Int32(type) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG): return .file
        case Int32(DT_LNK): return .link
        case Int32(DT_UNKNOWN):
            // Some file systems do not say; ask.
            var info = stat()
            guard lstat(path, &info) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .folder
            case S_IFREG: return .file
            case S_IFLNK: return .link
            default: return .other
            }
        default: return .other
        }
    }
}

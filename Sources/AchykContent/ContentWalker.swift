import AchykModel
import Foundation

/// Lists the files of the content folder, relative to it, sorted; links leading out of the folder are refused.
struct ContentWalker {
    let root: URL

    func files(reporting diagnostics: inout Diagnostics) -> [String] {
        let manager = FileManager.default
        let rootPath = root.resolvingSymlinksInPath().path
        guard let enumerator = manager.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey, .isDirectoryKey])
        else { return [] }
        var result: [String] = []
        for case let url as URL in enumerator {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count).drop { $0 == "/" })
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey, .isDirectoryKey])
            if values?.isSymbolicLink == true {
                let target = url.resolvingSymlinksInPath().path
                if !(target == rootPath || target.hasPrefix(rootPath + "/")) {
                    diagnostics.error("this link leads out of the content folder (to \(target)); copy the file in instead", at: SourceLocation(relative))
                    enumerator.skipDescendants()
                    continue
                }
            }
            if values?.isDirectory == true { continue }
            result.append(relative)
        }
        return result.sorted()
    }
}

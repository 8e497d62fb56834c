import Foundation
import Testing

/// Golden files: what a generator printed last time, committed and read in review.
///
/// A mismatch fails with a unified diff and the command that regenerates. With
/// `UPDATE_GOLDENS=1` the goldens are rewritten and the test fails, saying so, so a rewrite is
/// never mistaken for a pass.
enum Golden {
    /// The test sources' root (`Tests/APIGenTests`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().path

    /// The repository root.
    static let repository = URL(fileURLWithPath: root).deletingLastPathComponent().deletingLastPathComponent().path

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" }

    /// Compares the files a case produced with the folder of goldens at `directory` (relative
    /// to ``root``): every file must match, and no golden may be left that is no longer produced.
    static func check(_ files: [String: String], in directory: String, regenerate: String,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let folder = root + "/" + directory
        let existing = Set(listFiles(folder))
        if updating {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for stale in existing.subtracting(files.keys) {
                try? FileManager.default.removeItem(atPath: folder + "/" + stale)
                // A folder the stale golden leaves empty goes too.
                let parent = (folder + "/" + stale as NSString).deletingLastPathComponent
                if parent != folder, (try? FileManager.default.contentsOfDirectory(atPath: parent))?.isEmpty == true {
                    try? FileManager.default.removeItem(atPath: parent)
                }
            }
            for (name, text) in files {
                let path = folder + "/" + name
                try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                         withIntermediateDirectories: true)
                if (try? String(contentsOfFile: path, encoding: .utf8)) != text {
                    try? text.write(toFile: path, atomically: true, encoding: .utf8)
                }
            }
            Issue.record("Goldens in \(directory) were rewritten (UPDATE_GOLDENS=1). Read the diff, then run the tests without it.",
                         sourceLocation: sourceLocation)
            return
        }
        for name in files.keys.sorted() {
            let path = folder + "/" + name
            guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
                Issue.record("Missing golden \(directory)/\(name). Create it with: UPDATE_GOLDENS=1 \(regenerate)",
                             sourceLocation: sourceLocation)
                continue
            }
            let actual = files[name] ?? ""
            if expected != actual {
                let diff = UnifiedDiff.make(expected: expected, actual: actual, expectedName: "\(directory)/\(name) (golden)",
                                            actualName: "\(directory)/\(name) (now)")
                Issue.record("\(directory)/\(name) differs from its golden:\n\(diff)\nIf the change is intended, regenerate with: UPDATE_GOLDENS=1 \(regenerate)",
                             sourceLocation: sourceLocation)
            }
        }
        for stale in existing.subtracting(files.keys).sorted() {
            Issue.record("Golden \(directory)/\(stale) is no longer produced. Remove it with: UPDATE_GOLDENS=1 \(regenerate)",
                         sourceLocation: sourceLocation)
        }
    }

    /// Files under a folder, as paths relative to it, sorted.
    static func listFiles(_ folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue,
               !path.hasPrefix(".") {
                files.append(path)
            }
        }
        return files.sorted()
    }
}

import Foundation

/// The one place apigen touches the disk: reading inputs, writing outputs atomically, and
/// leaving unchanged files alone.
public enum FileSystem {
    /// Reads a whole file. Throws a readable error when it cannot.
    @Sendable public static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw FileError(description: "it is a directory")
            }
            throw FileError(description: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        return [UInt8](data)
    }

    /// Why a file could not be read.
    public struct FileError: Error, CustomStringConvertible {
        public var description: String
    }
}

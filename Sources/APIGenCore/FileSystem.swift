#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place apigen touches the disk: reading inputs, writing outputs atomically, and
/// leaving unchanged files alone.
public enum FileSystem {
    /// Reads a whole file. Throws a readable error when it cannot. One open, one stat and the
    /// reads: generation reads every file it may rewrite, so this stays lean.
    @Sendable public static func read(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(description: reason(errno)) }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw FileError(description: "it is a directory")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(max(info.st_size, 0)))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(description: reason(errno))
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    /// Why a call failed, in the words apigen's messages use.
    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "it is a directory"
        default: return String(cString: strerror(code))
        }
    }

    /// The first `count` bytes of a file (fewer when it is shorter); nil when it cannot be read.
    static func head(_ path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
        guard read >= 0 else { return nil }
        return Array(bytes[..<read])
    }

    /// Whether `path` is a directory.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The regular files under a directory, as paths relative to it, sorted; empty when the
    /// directory does not exist.
    static func files(under directory: String) -> [String] {
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let stream = opendir(relative.isEmpty ? directory : Paths.join(directory, relative)) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                guard name != ".", name != ".." else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(Paths.join(directory, child), &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(child)
                case S_IFREG: found.append(child)
                default: break
                }
            }
        }
        return found.sorted()
    }

    /// Creates a directory and any missing parents.
    static func createDirectories(_ path: String) throws {
        guard !path.isEmpty, !isDirectory(path) else { return }
        let parent = Paths.directory(of: path)
        if parent != path, !parent.isEmpty, parent != "." { try createDirectories(parent) }
        guard mkdir(path, 0o777) == 0 || (errno == EEXIST && isDirectory(path)) else {
            throw FileError(description: "cannot create the directory '\(path)': \(lastError())")
        }
    }

    /// Removes a directory when it is empty; leaves it (and says nothing) otherwise.
    static func removeDirectoryIfEmpty(_ path: String) {
        _ = rmdir(path)
    }

    /// Removes a file.
    static func remove(_ path: String) throws {
        guard unlink(path) == 0 else { throw FileError(description: "cannot remove '\(path)': \(lastError())") }
    }

    /// Writes a whole file atomically: the bytes go to a temporary file beside it, which is then
    /// renamed over the target, so a reader (or a crash) sees the old file or the new one, never
    /// half of one. No fsync: generated files are reproducible, and a sync per file would cost
    /// more than generating them.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".apigen-\(processID)" + temporarySuffix
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o666)
        guard descriptor >= 0 else { throw FileError(description: "cannot create '\(temporary)': \(lastError())") }
        var written = 0
        let failure: String? = bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return nil }
            while written < buffer.count {
                let count = write(descriptor, base + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return lastError()
                }
                written += count
            }
            return nil
        }
        let closed = close(descriptor) == 0
        if let failure = failure ?? (closed ? nil : lastError()) {
            unlink(temporary)
            throw FileError(description: "cannot write '\(path)': \(failure)")
        }
        guard rename(temporary, path) == 0 else {
            let message = lastError()
            unlink(temporary)
            throw FileError(description: "cannot write '\(path)': \(message)")
        }
    }

    private static let processID = getpid()
    private static let temporarySuffix = "-tmp"

    /// The process that wrote `path`, when it is the temporary file of a
    /// ``writeAtomically(_:to:)`` (`Client.swift.apigen-4242-tmp`); nil for any other file.
    static func temporaryWriter(_ path: String) -> pid_t? {
        guard path.hasSuffix(temporarySuffix), let marker = path.ranges(of: ".apigen-").last else { return nil }
        let digits = path[marker.upperBound..<path.index(path.endIndex, offsetBy: -temporarySuffix.count)]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return pid_t(digits)
    }

    /// Whether a path is the temporary file of a ``writeAtomically(_:to:)`` that never got to
    /// its rename, because its process is gone (killed). A process still running may yet rename
    /// its file, so its files are not leftovers.
    static func isLeftoverTemporary(_ path: String) -> Bool {
        guard let pid = temporaryWriter(path) else { return false }
        return pid != processID && kill(pid, 0) != 0 && errno == ESRCH
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    /// Why a file could not be read or written.
    public struct FileError: Error, CustomStringConvertible {
        public var description: String
    }
}

/// `read(2)`, under a name ``FileSystem/read(_:)`` does not hide.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

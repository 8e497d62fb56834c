import APISpec

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Files as they are in a git revision: what `apigen diff --base REV` reads the old spec from.
public enum Git {
    /// A reader of files at `revision`, for paths relative to the current directory (or
    /// absolute ones inside the work tree), with the messages git gives when it cannot. The work
    /// tree's top is asked once, here, not for every file a spec refers to.
    public static func reader(at revision: String) -> SpecLoader.ReadFile {
        let top = Result { try topLevel() }
        return { path in
            let spec = path.hasPrefix("/") ? try relative(path, to: top.get()) : "./" + path
            return try run(["git", "show", "\(revision):\(spec)"])
        }
    }

    /// Checks that `revision` names a commit, with git's reason when it does not.
    public static func verify(_ revision: String) throws {
        _ = try run(["git", "rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], failure: "'\(revision)' is not a commit in this repository")
    }

    /// The work tree's top folder.
    private static func topLevel() throws -> String {
        var top = String(decoding: try run(["git", "rev-parse", "--show-toplevel"]), as: UTF8.self)
        while top.hasSuffix("\n") { top.removeLast() }
        return top
    }

    /// An absolute path inside the work tree, relative to its top.
    private static func relative(_ path: String, to top: String) throws -> String {
        guard path.hasPrefix(top + "/") else { throw FileSystem.FileError(description: "\(path) is outside the git work tree \(top)") }
        return String(path.dropFirst(top.count + 1))
    }

    /// Runs a command and returns what it printed; throws with its error output when it fails.
    private static func run(_ arguments: [String], failure: String? = nil) throws -> [UInt8] {
        var output: [Int32] = [0, 0]
        var errors: [Int32] = [0, 0]
        guard pipe(&output) == 0, pipe(&errors) == 0 else { throw FileSystem.FileError(description: "cannot start git: \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        for descriptor in output + errors { posix_spawn_file_actions_addclose(&actions, descriptor) }
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let status = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
        close(output[1])
        close(errors[1])
        defer { close(output[0]); close(errors[0]) }
        guard status == 0 else { throw FileSystem.FileError(description: "cannot run git: \(String(cString: strerror(status)))") }
        // git's messages are short; reading them after its output cannot deadlock on a full pipe
        // for `show` and `rev-parse`, which write one or the other.
        let printed = readAll(output[0])
        let complaint = readAll(errors[0])
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) < 0 && errno == EINTR {}
        guard exit == 0 else {
            var reason = String(decoding: complaint, as: UTF8.self)
            while reason.hasSuffix("\n") { reason.removeLast() }
            if reason.hasPrefix("fatal: ") { reason.removeFirst("fatal: ".count) }
            throw FileSystem.FileError(description: failure ?? (reason.isEmpty ? "git \(arguments[1]) failed" : reason))
        }
        return printed
    }

    private static func readAll(_ descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return bytes }
            bytes += chunk[..<count]
        }
    }
}

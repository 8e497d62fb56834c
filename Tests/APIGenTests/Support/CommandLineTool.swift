import Foundation

/// The built `apigen` executable, run as a user runs it: arguments in, exit status and output out.
enum CommandLineTool {
    /// What one run printed and how it ended.
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// `apigen`, beside the test executable in the build folder (the test target depends on it).
    static var executable: String? {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [beside, beside.deletingLastPathComponent(), URL(fileURLWithPath: Golden.repository + "/.build/debug")] {
            let path = candidate.appendingPathComponent("apigen").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs `apigen arguments...` in `directory`.
    static func run(_ arguments: [String], in directory: String = Golden.root) throws -> Run {
        guard let executable else { throw Missing() }
        return try run(executable, arguments, in: directory)
    }

    /// Runs any program in `directory`, reading its output to the end.
    static func run(_ program: String, _ arguments: [String], in directory: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Both pipes drain on their own threads so a long report cannot fill one and stall.
        nonisolated(unsafe) var printed = Data()
        nonisolated(unsafe) var complained = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { printed = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { complained = errors.fileHandleForReading.readDataToEndOfFile() }
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: printed, as: UTF8.self),
                   errors: String(decoding: complained, as: UTF8.self))
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "the apigen executable is not in the build folder; build with `swift build --build-tests`" }
    }
}

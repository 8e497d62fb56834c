import Foundation
import Testing

/// `apigen diff` as a user runs it: exit statuses, usage errors with their exact messages, and
/// `--base` against a real git repository.
@Suite struct DiffCommandTests {
    let removed = ["diff", "Fixtures/diff/operation-removed/old.yaml", "Fixtures/diff/operation-removed/new.yaml"]
    let added = ["diff", "Fixtures/diff/operation-added/old.yaml", "Fixtures/diff/operation-added/new.yaml"]

    @Test func exitStatusFollowsFailOn() throws {
        #expect(try CommandLineTool.run(removed).status == 0)
        #expect(try CommandLineTool.run(removed + ["--fail-on", "breaking"]).status == 1)
        #expect(try CommandLineTool.run(added + ["--fail-on", "breaking"]).status == 0)
        #expect(try CommandLineTool.run(added + ["--fail-on", "any"]).status == 1)
        let docs = ["diff", "Fixtures/diff/docs-changed/old.yaml", "Fixtures/diff/docs-changed/new.yaml"]
        #expect(try CommandLineTool.run(docs + ["--fail-on", "source"]).status == 0)
        #expect(try CommandLineTool.run(removed + ["--fail-on", "source"]).status == 1)
    }

    @Test func theReportGoesToStandardOutput() throws {
        let run = try CommandLineTool.run(removed + ["--format", "json"])
        #expect(run.errors == "")
        #expect(run.output == (try String(contentsOfFile: Golden.root + "/Goldens/diff/operation-removed/report.json", encoding: .utf8)))
    }

    @Test func wrongUsageExits64WithTheReason() throws {
        let one = try CommandLineTool.run(["diff", "Fixtures/diff/operation-removed/old.yaml"])
        #expect(one.status == 64)
        #expect(one.errors.hasPrefix("Error: give two files (apigen diff OLD NEW), or --base REV with at most one\n"))
        let format = try CommandLineTool.run(removed + ["--format", "xml"])
        #expect(format.status == 64)
        #expect(format.errors.hasPrefix("Error: The value 'xml' is invalid for '--format <format>'"))
    }

    @Test func aDocumentWithErrorsStopsTheDiffWithItsDiagnostics() throws {
        let run = try CommandLineTool.run(["diff", "Fixtures/diff/operation-removed/old.yaml", "Fixtures/dangling-ref/openapi.yaml"])
        #expect(run.status == 1)
        #expect(run.output == "")
        #expect(run.errors.contains("Fixtures/dangling-ref/openapi.yaml:"))
        #expect(run.errors.contains(": error: "))
        let missing = try CommandLineTool.run(["diff", "Fixtures/diff/operation-removed/old.yaml", "no-such.yaml"])
        #expect(missing.status == 1)
        #expect(missing.errors.hasPrefix("error: cannot read 'no-such.yaml': no such file"))
    }

    /// A repository with the spec committed, then edited: `--base HEAD` compares the two, and
    /// places a removal in the committed version.
    @Test func baseComparesWithTheCommittedSpec() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-diff-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/spec", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let old = try String(contentsOfFile: Golden.root + "/Fixtures/diff/operation-removed/old.yaml", encoding: .utf8)
        let new = try String(contentsOfFile: Golden.root + "/Fixtures/diff/operation-removed/new.yaml", encoding: .utf8)
        try old.write(toFile: directory + "/spec/api.yaml", atomically: true, encoding: .utf8)
        for arguments in [["init", "-q"], ["add", "spec/api.yaml"],
                          ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "spec"]] {
            #expect(try CommandLineTool.run("/usr/bin/git", arguments, in: directory).status == 0)
        }
        try new.write(toFile: directory + "/spec/api.yaml", atomically: true, encoding: .utf8)
        let run = try CommandLineTool.run(["diff", "--base", "HEAD", "spec/api.yaml"], in: directory)
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("HEAD:spec/api.yaml:"))
        #expect(run.output.contains(" [operation-removed]\n"))
        #expect(try CommandLineTool.run("/usr/bin/git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-am", "edit"],
                                        in: directory).status == 0)
        let unchanged = try CommandLineTool.run(["diff", "--base", "HEAD", "spec/api.yaml", "--fail-on", "any"], in: directory)
        #expect(unchanged.status == 0)
        #expect(unchanged.output.hasSuffix(": no API changes\n"))
        let noRevision = try CommandLineTool.run(["diff", "--base", "no-such-branch", "spec/api.yaml"], in: directory)
        #expect(noRevision.status == 1)
        #expect(noRevision.errors == "error: 'no-such-branch' is not a commit in this repository\n")
    }

    /// What the command plugin's `--diff` runs (`apigen diff --base HEAD --config FILE`), and
    /// the line `apigen generate` prints when it rewrites its output.
    @Test func generateSaysWhatChangedSinceHEAD() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-generate-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fixtures = Golden.root + "/Fixtures/diff/parameter-became-required"
        try String(contentsOfFile: fixtures + "/old.yaml", encoding: .utf8).write(toFile: directory + "/notes.yaml", atomically: true, encoding: .utf8)
        try "spec: notes.yaml\nname: Notes\nclient: {output: Client}\n".write(toFile: directory + "/apigen.yaml", atomically: true, encoding: .utf8)
        let git = ["-c", "user.name=t", "-c", "user.email=t@example.com"]
        for arguments in [["init", "-q"], ["add", "notes.yaml", "apigen.yaml"], git + ["commit", "-q", "-m", "spec"]] {
            #expect(try CommandLineTool.run("/usr/bin/git", arguments, in: directory).status == 0)
        }
        let first = try CommandLineTool.run(["generate"], in: directory)
        #expect(first.status == 0)
        #expect(first.output.hasSuffix("API: no changes since HEAD\n"))
        try String(contentsOfFile: fixtures + "/new.yaml", encoding: .utf8).write(toFile: directory + "/notes.yaml", atomically: true, encoding: .utf8)
        let second = try CommandLineTool.run(["generate"], in: directory)
        #expect(second.status == 0)
        #expect(second.output.hasSuffix("API changes since HEAD: 1 breaking, 0 warnings, 0 compatible; Swift: 1 breaks callers; suggested version bump: major (apigen diff --base HEAD lists them)\n"))
        let again = try CommandLineTool.run(["generate"], in: directory)
        #expect(!again.output.contains("API"), "nothing rewritten, nothing said: \(again.output)")
        let plugin = try CommandLineTool.run(["diff", "--base", "HEAD", "--config", directory + "/apigen.yaml"], in: directory)
        #expect(plugin.status == 0)
        #expect(plugin.output.contains(" [parameter-became-required]\n    swift: Notes.NotesOperations.listNotes(folder:) (breaks callers)\n"))
    }
}

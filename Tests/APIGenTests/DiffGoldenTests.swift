import APIDiff
import APIGenCore
import Foundation
import Testing

/// `apigen diff` on the fixture pairs of `Fixtures/diff`: one per rule, plus `no-change` and
/// `mixed`. Each pair's report is a golden in every format, and each rule's pair must show it.
@Suite struct DiffGoldenTests {
    static let folder = "Fixtures/diff"

    /// The pairs, by folder name.
    static let pairs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Golden.root + "/" + folder)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(Golden.root)/\(folder)/\($0)/old.yaml") }.sorted()
    }()

    static func report(_ name: String) throws -> DiffReport {
        let old = "\(folder)/\(name)/old.yaml"
        let new = "\(folder)/\(name)/new.yaml"
        let outcome = DiffJob(old: .init(path: old, readFile: Fixture.readFile), new: .init(path: new, readFile: Fixture.readFile)).run()
        #expect(outcome.renderedDiagnostics == "")
        return try #require(outcome.report)
    }

    @Test(arguments: pairs)
    func reportsMatchTheirGoldens(_ name: String) throws {
        let report = try Self.report(name)
        var files: [String: String] = [:]
        for format in DiffFormat.allCases { files["report.\(format.fileExtension)"] = report.rendered(as: format) }
        Golden.check(files, in: "Goldens/diff/\(name)", regenerate: "swift test --filter DiffGoldenTests")
    }

    @Test func everyRuleHasAPairThatShowsIt() throws {
        for rule in DiffRule.all {
            guard Self.pairs.contains(rule.id) else {
                Issue.record("no fixture pair \(Self.folder)/\(rule.id)")
                continue
            }
            let report = try Self.report(rule.id)
            #expect(report.findings.contains { $0.rule == rule }, "the pair \(rule.id) does not show its rule: \(report.findings.map(\.rule.id))")
        }
    }

    @Test func ruleIdsAreUnique() {
        #expect(Set(DiffRule.all.map(\.id)).count == DiffRule.all.count)
    }

    @Test func reorderingAndRestylingIsNoChange() throws {
        let report = try Self.report("no-change")
        #expect(report.findings.isEmpty)
        #expect(report.suggestedBump == .none)
        #expect(report.rendered(as: .text).hasSuffix(": no API changes\n"))
    }

    @Test func aDocumentAgainstItselfIsNoChange() throws {
        for name in ["mixed", "webhook-added", "request-variant-added"] {
            let path = "\(Self.folder)/\(name)/new.yaml"
            let outcome = DiffJob(old: .init(path: path, readFile: Fixture.readFile), new: .init(path: path, readFile: Fixture.readFile)).run()
            #expect(outcome.report?.findings.isEmpty == true, "\(name): \(outcome.report?.findings.map(\.message) ?? [])")
        }
    }

    @Test func sameInputSameReport() throws {
        let first = try Self.report("mixed")
        let second = try Self.report("mixed")
        for format in DiffFormat.allCases { #expect(first.rendered(as: format) == second.rendered(as: format)) }
    }

    @Test func theMixedPairSuggestsAMajorBump() throws {
        let report = try Self.report("mixed")
        #expect(report.suggestedBump == .major)
        #expect(report.hasBreakingChanges)
        #expect(Self.pairs.count == DiffRule.all.count + 2)
    }

    /// `Docs/apigen-diff.md` lists every rule: its table is the catalog's, kept in step here.
    @Test func theDocsPageListsEveryRule() throws {
        let path = Golden.repository + "/Docs/apigen-diff.md"
        let page = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(page.range(of: "<!-- rules:start -->\n"))
        let end = try #require(page.range(of: "<!-- rules:end -->"))
        let table = String(page[start.upperBound..<end.lowerBound])
        if Golden.updating, table != DiffRule.markdownTable {
            try (String(page[..<start.upperBound]) + DiffRule.markdownTable + String(page[end.lowerBound...]))
                .write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("Docs/apigen-diff.md's rules table was rewritten (UPDATE_GOLDENS=1).")
            return
        }
        #expect(table == DiffRule.markdownTable, "Docs/apigen-diff.md's rules table is stale: UPDATE_GOLDENS=1 swift test --filter DiffGoldenTests")
        for rule in DiffRule.all { #expect(table.contains("| `\(rule.id)` |")) }
    }
}

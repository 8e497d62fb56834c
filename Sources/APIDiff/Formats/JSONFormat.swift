import APIModel

/// The report as JSON, keys in a fixed order, one finding per line. Its schema is documented in
/// `Docs/apigen-diff.md` and only grows.
enum JSONFormat {
    static func render(_ report: DiffReport) -> String {
        var out = "{\n"
        out += "  \"old\": \(document(report.oldPath, report.oldTitle)),\n"
        out += "  \"new\": \(document(report.newPath, report.newTitle)),\n"
        let summary: [SpecValue.Member] = [
            .init("errors", .int(report.count(.error))),
            .init("warnings", .int(report.count(.warning))),
            .init("infos", .int(report.count(.info))),
            .init("breaksCallers", .int(report.findings.filter { $0.swiftImpact.breaksCallers }.count)),
            .init("breaksImplementers", .int(report.findings.filter { $0.swiftImpact.breaksImplementers }.count)),
            .init("suggestedBump", .string(report.suggestedBump.rawValue)),
        ]
        out += "  \"summary\": \(SpecValue.object(summary).jsonText),\n"
        out += "  \"findings\": ["
        out += report.findings.map { "\n    " + finding($0).jsonText }.joined(separator: ",")
        out += report.findings.isEmpty ? "]\n" : "\n  ]\n"
        return out + "}\n"
    }

    private static func document(_ path: String, _ title: String) -> String {
        SpecValue.object([.init("path", .string(path)), .init("title", .string(title))]).jsonText
    }

    private static func finding(_ finding: DiffFinding) -> SpecValue {
        var members: [SpecValue.Member] = [
            .init("rule", .string(finding.rule.id)),
            .init("level", .string(finding.level.rawValue)),
            .init("message", .string(finding.message)),
            .init("symbol", .string(finding.symbol)),
            .init("swiftImpact", .string(finding.swiftImpact.rawValue)),
            .init("document", .string(finding.isInOldDocument ? "old" : "new")),
        ]
        if let location = finding.location {
            members += [.init("file", .string(location.file)), .init("line", .int(location.line)), .init("column", .int(location.column))]
        }
        if let tag = finding.tag { members.append(.init("tag", .string(tag))) }
        if let operation = finding.operation { members.append(.init("operation", .string(operation))) }
        return .object(members)
    }
}

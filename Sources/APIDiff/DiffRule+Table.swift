/// The rules as documentation: the table of `Docs/apigen-diff.md` and `apigen diff --list-rules`.
extension DiffRule {
    /// A Markdown table of every rule, in catalog order.
    public static var markdownTable: String {
        var out = "| Rule | Level | Breaks in Swift | What changed | What it does to the generated Swift | oasdiff |\n"
        out += "|---|---|---|---|---|---|\n"
        for rule in all {
            let oasdiff = rule.oasdiff.isEmpty ? "" : rule.oasdiff.map { "`\($0)`" }.joined(separator: ", ")
            out += "| `\(rule.id)` | \(rule.level.rawValue) | \(rule.swiftImpact.tableText) | \(rule.summary) | \(rule.swiftConsequence) | \(oasdiff) |\n"
        }
        return out
    }

    /// One line per rule: `operation-removed (error, breaks callers): an operation is gone. In Swift: ...`.
    public static var listing: String {
        all.map { "\($0.id) (\($0.level.rawValue), \($0.swiftImpact.tableText)): \($0.summary). In Swift: \($0.swiftConsequence).\n" }.joined()
    }
}

extension DiffRule.SwiftImpact {
    var tableText: String {
        switch self {
        case .none: return "nothing"
        case .callers: return "callers"
        case .implementers: return "server implementations"
        case .both: return "callers and server implementations"
        }
    }
}
